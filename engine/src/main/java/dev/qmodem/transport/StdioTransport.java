package dev.qmodem.transport;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module on a pair of streams, by default the process's standard input and output: one host,
 * one {@link HostLink}, and the session ends when the input ends. Logs must then go to stderr.
 *
 * <p>The session runs on a daemon thread because a read blocked on standard input cannot be
 * interrupted: {@link #close()} closes both streams, and a read still waiting returns -1 once the
 * stream gives it back.
 */
public final class StdioTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

    private final StreamLink link;

    /** The module on this process's standard input and output, bypassing {@code System.out}'s buffering. */
    public StdioTransport() {
        this(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    /** The module on the given streams; every write to {@code out} is flushed. */
    public StdioTransport(InputStream in, OutputStream out) {
        this.link = new StreamLink(Objects.requireNonNull(in), Objects.requireNonNull(out));
    }

    @Override
    public void start(HostSessionHandler handler) {
        Thread thread = new Thread(() -> {
            try {
                handler.serve(link);
            } catch (RuntimeException e) {
                log.error("stdio host session failed", e);
            } finally {
                link.close();
            }
        }, "stdio-host");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String endpoint() {
        return "stdio";
    }

    @Override
    public void close() {
        link.close();
    }

    private static final class StreamLink implements HostLink {

        private final InputStream in;
        private final OutputStream out;
        private volatile boolean closed;
        private final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                if (closed) {
                    return -1;
                }
                try {
                    return in.read();
                } catch (IOException e) {
                    if (closed) {
                        return -1;
                    }
                    throw e;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    return -1;
                }
                try {
                    return in.read(b, off, len);
                } catch (IOException e) {
                    if (closed) {
                        return -1;
                    }
                    throw e;
                }
            }
        };
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                out.flush();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                out.flush();
            }
        };

        StreamLink(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public String describe() {
            return "stdio";
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(in);
            closeQuietly(out);
        }

        private static void closeQuietly(Closeable stream) {
            try {
                stream.close();
            } catch (IOException e) {
                log.debug("closing stdio stream", e);
            }
        }
    }
}
