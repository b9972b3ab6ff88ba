package dev.qmodem.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * One download or listing in progress: read {@link #data()} to its end, then {@link #complete()} to collect the
 * server's final reply. Bytes are passed through as the server sends them, also in ASCII mode (TYPE A asks the
 * server for network line endings; the module does not rewrite them).
 */
public final class DownloadConnection extends DataConnection {

    private final InputStream data;

    DownloadConnection(FtpSession session, Socket socket) throws IOException {
        super(session, socket);
        this.data = new DataInput(socket.getInputStream());
    }

    /**
     * The data connection. Reads block at most the response timeout; failures arrive as {@link FtpFailure}
     * (609 timeout, 608 reset, 607 lost, 631 TLS). No buffering: each read goes to the socket.
     */
    public InputStream data() {
        return data;
    }

    private final class DataInput extends InputStream {
        private final InputStream in;

        DataInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            } catch (IOException e) {
                throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }
}
