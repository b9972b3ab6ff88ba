package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * One upload in progress: write to {@link #data()}, then {@link #complete()} to end the file and collect the
 * server's final reply. Bytes go to the server unchanged, also in ASCII mode.
 */
public final class UploadConnection extends DataConnection {

    private final OutputStream data;

    UploadConnection(FtpSession session, Socket socket, long timeoutMillis, Clock clock) throws IOException {
        super(session, socket, timeoutMillis, clock);
        this.data = new DataOutput(tlsStream(Socket::getOutputStream));
    }

    /**
     * The data connection. A write the server does not take within the response timeout fails with 609;
     * other failures are 608 reset, 607 lost, 631 TLS. No buffering: each write goes to the socket. The stream is
     * also a {@link WritableByteChannel}: on plain FTP a write from a direct buffer goes to the kernel with no copy
     * through the heap. Closing it does nothing: {@link #complete()} or {@link #abort()} ends the connection.
     */
    public OutputStream data() {
        return data;
    }

    /**
     * Over the plain socket's channel, or over the TLS socket's stream ({@code out}, null for a channel), whose
     * writes have no timeout of their own: the transfer's watchdog closes the socket under a write that stalls.
     */
    private final class DataOutput extends OutputStream implements WritableByteChannel {
        private final OutputStream out;
        private byte[] bounce;

        DataOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int length = source.remaining();
            if (out != null && source.hasArray()) {
                write(source.array(), source.arrayOffset() + source.position(), length);
                source.position(source.limit());
                return length;
            }
            if (out != null) {
                byte[] heap = bounce(length);
                while (source.hasRemaining()) {
                    int n = Math.min(heap.length, source.remaining());
                    source.get(heap, 0, n);
                    write(heap, 0, n);
                }
                return length;
            }
            try {
                channel.write(source);
                count(length);
                return length;
            } catch (IOException e) {
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (out == null) {
                write(ByteBuffer.wrap(b, off, len));
                return;
            }
            silence.waiting();
            try {
                out.write(b, off, len);
                count(len);
            } catch (IOException e) {
                throw streamFailure(e);
            } finally {
                silence.idle();
            }
        }

        /** As large as the writes need, up to {@link #UPLOAD_BOUNCE}: a short upload does not take a whole one. */
        private byte[] bounce(int wanted) {
            int size = UPLOAD_BOUNCE;
            while (size > 1024 && size / 2 >= wanted) {
                size /= 2;
            }
            if (bounce == null || bounce.length < size) {
                bounce = new byte[size];
            }
            return bounce;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public void flush() throws IOException {
            if (out == null) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            }
        }
    }
}
