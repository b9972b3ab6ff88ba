package dev.qmodem.transport;

import dev.qmodem.transport.TraceWriter.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Puts a {@link HostLink} behind streams that record every byte read from and written to the host in a
 * {@link TraceSink}. Writes are recorded before they are handed on, so a reply never appears in the trace after the host's
 * answer to it even when the host link blocks. A link's channel stays a channel; its bytes are copied out only
 * while the trace is recording.
 */
public final class TracingHostLink {

    private TracingHostLink() {
    }

    /** The host's link with every byte both ways recorded in {@code trace}. */
    public static HostLink of(HostLink link, TraceSink trace) {
        ByteChannel channel = link.channel();
        return link.with(new TracedInput(link.input(), trace), new TracedOutput(link.output(), trace),
                channel == null ? null : new TracedChannel(channel, trace));
    }

    /** Wraps {@code handler} so that every host it serves is traced; for {@code transport.start(...)}. */
    public static HostSessionHandler tracing(HostSessionHandler handler, TraceSink trace) {
        return link -> handler.serve(of(link, trace));
    }

    private static final class TracedInput extends InputStream {

        private final InputStream in;
        private final TraceSink trace;

        TracedInput(InputStream in, TraceSink trace) {
            this.in = in;
            this.trace = trace;
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

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class TracedOutput extends OutputStream {

        private final OutputStream out;
        private final TraceSink trace;

        TracedOutput(OutputStream out, TraceSink trace) {
            this.out = out;
            this.trace = trace;
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

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class TracedChannel extends ForwardingChannel {

        private final TraceSink trace;

        TracedChannel(ByteChannel channel, TraceSink trace) {
            super(channel);
            this.trace = trace;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int n = channel.read(target);
            if (n > 0 && trace.recording()) {
                record(Direction.FROM_HOST, target.duplicate().flip().position(target.position() - n));
            }
            return n;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (trace.recording()) {
                record(Direction.TO_HOST, source.duplicate());
            }
            return channel.write(source);
        }

        private void record(Direction direction, ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            trace.record(direction, copy, 0, copy.length);
        }
    }
}
