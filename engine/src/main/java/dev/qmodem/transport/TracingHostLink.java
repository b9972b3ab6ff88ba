package dev.qmodem.transport;

import dev.qmodem.transport.TraceWriter.Direction;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link HostLink} that records every byte read from and written to the host in a {@link TraceSink}.
 * Writes are recorded before they are handed on, so a reply never appears in the trace after the host's
 * answer to it even when the host link blocks.
 */
public final class TracingHostLink extends ForwardingHostLink {

    private final TraceSink trace;
    private final InputStream input;
    private final OutputStream output;

    public TracingHostLink(HostLink link, TraceSink trace) {
        super(link);
        this.trace = trace;
        this.input = new TracedInput(link.input());
        this.output = new TracedOutput(link.output());
    }

    /** Wraps {@code handler} so that every host it serves is traced; for {@code transport.start(...)}. */
    public static HostSessionHandler tracing(HostSessionHandler handler, TraceSink trace) {
        return link -> handler.serve(new TracingHostLink(link, trace));
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    private final class TracedInput extends FilterInputStream {

        TracedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                trace.record(Direction.FROM_HOST, new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                trace.record(Direction.FROM_HOST, b, off, n);
            }
            return n;
        }
    }

    private final class TracedOutput extends FilterOutputStream {

        TracedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            trace.record(Direction.TO_HOST, new byte[] {(byte) b}, 0, 1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            trace.record(Direction.TO_HOST, b, off, len);
            out.write(b, off, len);
        }
    }
}
