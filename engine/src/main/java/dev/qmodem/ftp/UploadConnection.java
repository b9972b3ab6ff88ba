package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * One upload in progress: write to {@link #data()}, then {@link #complete()} to end the file and collect the
 * server's final reply. Bytes go to the server unchanged, also in ASCII mode.
 */
public final class UploadConnection extends DataConnection {

    private final long timeoutMillis;
    private final Clock clock;
    private final OutputStream data;
    private volatile boolean writeExpired;

    UploadConnection(FtpSession session, Socket socket, long timeoutMillis, Clock clock) throws IOException {
        super(session, socket);
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
        this.data = new DataOutput(socket.getOutputStream());
    }

    /**
     * The data connection. A write the server does not take within the response timeout fails with 609;
     * other failures are 608 reset, 607 lost, 631 TLS. No buffering: each write goes to the socket.
     */
    public OutputStream data() {
        return data;
    }

    private final class DataOutput extends OutputStream {
        private final OutputStream out;

        DataOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        // Socket writes have no timeout of their own: a watchdog closes the socket under a write that stalls.
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Clock.Timer deadline = clock.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            try {
                out.write(b, off, len);
                count(len);
            } catch (IOException e) {
                if (writeExpired) {
                    throw new FtpFailure(FtpErrors.TIMEOUT, 0, "server took no data for " + timeoutMillis + " ms", e);
                }
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            } finally {
                deadline.cancel();
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            }
        }

        /** Runs on the module's timer: closing a TLS socket may block (close_notify), so it happens aside. */
        private void expire() {
            writeExpired = true;
            Thread.ofVirtual().start(() -> FtpSession.closeQuietly(socket));
        }
    }
}
