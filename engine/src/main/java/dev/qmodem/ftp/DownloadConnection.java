package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * One download or listing in progress: read {@link #data()} to its end, then {@link #complete()} to collect the
 * server's final reply. Bytes are passed through as the server sends them, also in ASCII mode (TYPE A asks the
 * server for network line endings; the module does not rewrite them).
 */
public final class DownloadConnection extends DataConnection {

    /** The largest TLS record's plaintext, and the most bytes any TLS version sends for it. */
    private static final int RECORD = 16 * 1024;
    private static final int RECORD_ON_WIRE = RECORD + 2048 + 5;

    private final DataInput data;

    DownloadConnection(FtpSession session, Socket socket, long timeoutMillis, Clock clock) throws IOException {
        super(session, socket, timeoutMillis, clock);
        InputStream tls = tlsStream(Socket::getInputStream);
        this.data = new DataInput(tls, tls == null ? null : session.transportOf(socket).getInputStream());
    }

    /**
     * The data connection. A read waits at most the response timeout; failures arrive as {@link FtpFailure}
     * (609 timeout, 608 reset, 607 lost, 631 TLS). No buffering: each read goes to the socket. The stream is also a
     * {@link ReadableByteChannel}: on plain FTP a read into a direct buffer takes the bytes from the kernel with no
     * copy through the heap. Closing it does nothing: {@link #complete()} or {@link #abort()} ends the connection.
     */
    public InputStream data() {
        return data;
    }

    /**
     * Over the plain socket's channel, or over the TLS socket's stream ({@code in}, null for a channel) and the
     * plain socket it is layered on ({@code transport}).
     */
    private final class DataInput extends InputStream implements ReadableByteChannel {
        private final InputStream in;
        private final InputStream transport;
        private byte[] bounce;

        DataInput(InputStream in, InputStream transport) {
            this.in = in;
            this.transport = transport;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (in == null) {
                return len == 0 ? 0 : read(ByteBuffer.wrap(b, off, len));
            }
            silence.waiting();
            try {
                // A TLS read returns one record; the records already here are read too, so that they go on in one
                // write. Only whole ones: the next read must not wait for the server.
                int n = in.read(b, off, len);
                while (n > 0 && len - n >= RECORD && transport.available() >= RECORD_ON_WIRE) {
                    int more = in.read(b, off + n, len - n);
                    if (more <= 0) {
                        break;
                    }
                    n += more;
                }
                return counted(n);
            } catch (IOException e) {
                throw streamFailure(e);
            } finally {
                silence.idle();
            }
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            if (in != null && target.hasArray()) {
                int n = read(target.array(), target.arrayOffset() + target.position(), target.remaining());
                if (n > 0) {
                    target.position(target.position() + n);
                }
                return n;
            }
            if (in != null) {
                if (bounce == null) {
                    bounce = new byte[BOUNCE];
                }
                int n = read(bounce, 0, Math.min(bounce.length, target.remaining()));
                if (n > 0) {
                    target.put(bounce, 0, n);
                }
                return n;
            }
            try {
                return counted(channel.read(target));
            } catch (IOException e) {
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            }
        }

        private int counted(int n) {
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in == null ? 0 : in.available();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
