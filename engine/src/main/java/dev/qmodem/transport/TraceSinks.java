package dev.qmodem.transport;

import java.util.concurrent.CopyOnWriteArrayList;

/** A module's trace listeners, which come and go while hosts are served; with none, a record costs one check. */
public final class TraceSinks implements TraceSink {

    private final CopyOnWriteArrayList<TraceSink> sinks = new CopyOnWriteArrayList<>();

    public void add(TraceSink sink) {
        sinks.add(sink);
    }

    public void remove(TraceSink sink) {
        sinks.remove(sink);
    }

    @Override
    public boolean recording() {
        return !sinks.isEmpty();
    }

    @Override
    public void record(TraceWriter.Direction direction, byte[] bytes, int offset, int length) {
        if (!sinks.isEmpty()) {
            sinks.forEach(sink -> sink.record(direction, bytes, offset, length));
        }
    }

    @Override
    public void mark(String text) {
        sinks.forEach(sink -> sink.mark(text));
    }
}
