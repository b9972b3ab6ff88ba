package dev.qmodem.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.Executor;

/**
 * Bytes from a source to the host in data mode, on a worker and at the host's pace: a file for AT+QFDWL and
 * AT+QFREAD, a download or listing for AT+QFTPGET/LIST. Host bytes meanwhile are ignored. {@code +++} either
 * suspends the flow until ATO (resumable) or ends it as if the source were at its end. The command supplies the
 * source and what to answer when the flow is over.
 */
public final class Outflow implements DataModeHandler {

    /** What to do once the flow is over (close the source, answer): runs on the worker, and must end the link. */
    @FunctionalInterface
    public interface Completion {
        /**
         * @param failure null when the source ended (or the limit or an escape did); a {@link Pump.SinkFailure}
         *                when the host side failed (data mode is over); else the source's failure
         */
        void completed(DataLink link, long sent, IOException failure);
    }

    private final InputStream source;
    private final OutputStream observer;
    private final long limit;
    private final boolean resumable;
    private final Runnable onHostLost;
    private volatile boolean stopped;

    private Outflow(InputStream source, OutputStream observer, long limit, boolean resumable, Runnable onHostLost) {
        this.source = source;
        this.observer = observer;
        this.limit = limit;
        this.resumable = resumable;
        this.onHostLost = onHostLost;
    }

    /**
     * Opens data mode and starts the flow on {@code worker}; the bytes go out once CONNECT has.
     *
     * @param limit      bytes to send at most, or -1 for all the source has
     * @param observer   sees every byte sent (a checksum), or null
     * @param resumable  true: {@code +++} suspends until ATO; false: {@code +++} ends the flow
     * @param onHostLost what to do when the host goes away (e.g. abort a download)
     * @return the data-mode session, to abandon the flow with (AT+QFTPCLOSE)
     * @throws IllegalStateException if data mode is held by another session
     */
    public static DataLink start(DataMode dataMode, InputStream source, long limit, OutputStream observer,
                             boolean resumable, Runnable onHostLost, Executor worker, Completion completion) {
        Outflow flow = new Outflow(source, observer, limit, resumable, onHostLost);
        DataLink link = dataMode.open(flow);
        worker.execute(() -> flow.run(link, completion));
        return link;
    }

    private void run(DataLink link, Completion completion) {
        long sent = 0;
        IOException failure = null;
        try {
            OutputStream host = link.toHost();
            InputStream stoppable = source instanceof ReadableByteChannel ? new StoppableChannel(source)
                    : new StoppableInput(source);
            sent = Pump.copy(stoppable, observer == null ? host : new Tee(host, observer), limit);
        } catch (IOException e) {
            failure = e;
        }
        completion.completed(link, sent, failure);
    }

    @Override
    public int fromHost(ByteBuffer bytes) {
        int len = bytes.remaining();
        bytes.position(bytes.limit());
        return len;
    }

    @Override
    public boolean escaped() {
        if (!resumable) {
            stopped = true;
        }
        return resumable;
    }

    @Override
    public void hostLost() {
        stopped = !resumable; // a resumable flow's source fails instead, as onHostLost aborts it
        onHostLost.run();
    }

    /** The source, read as ended once the flow is stopped. */
    private class StoppableInput extends InputStream {

        final InputStream in;

        StoppableInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            return stopped ? -1 : in.read(buffer, off, len);
        }

        @Override
        public int read() throws IOException {
            return stopped ? -1 : in.read();
        }
    }

    /** A source that is also a channel, so that a direct buffer carries its bytes to the host. */
    private final class StoppableChannel extends StoppableInput implements ReadableByteChannel {

        StoppableChannel(InputStream in) {
            super(in);
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return stopped ? -1 : ((ReadableByteChannel) in).read(target);
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    /** Writes to the host, then shows the bytes to the observer. */
    private static final class Tee extends OutputStream {

        private final OutputStream host;
        private final OutputStream observer;

        Tee(OutputStream host, OutputStream observer) {
            this.host = host;
            this.observer = observer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            host.write(bytes, off, len);
            observer.write(bytes, off, len);
        }
    }
}
