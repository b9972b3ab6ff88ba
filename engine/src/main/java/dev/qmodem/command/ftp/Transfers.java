package dev.qmodem.command.ftp;

import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.DownloadConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte pump of every transfer: a fixed buffer between a stream from the server or a local file and a stream to
 * the host, a local file or the server. Reports the outcome as the {@code <err>,<value>} pair of the URC, telling
 * which side failed: the server (the FTP mapping), the local file (613), or the host's data mode ending (616).
 */
final class Transfers {

    static final int BUFFER = 512 * 1024;

    /** A write to the local side failed. */
    static final class SinkFailure extends IOException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    private Transfers() {
    }

    /**
     * Copies a download to {@code sink}, at most {@code limit} bytes (-1: all), then completes it (reading the
     * server's final reply) or aborts it when the limit cut it short.
     *
     * @param sinkErr the error to report when writing to the sink fails
     * @return the URC's {@code <err>,<transferlen or protocol_error>}
     */
    static String download(DownloadConnection transfer, OutputStream sink, long limit, int sinkErr) {
        long copied = 0;
        try {
            copied = copy(transfer.data(), sink, limit);
            if (limit >= 0 && copied >= limit) {
                transfer.abort();
            } else {
                transfer.complete();
            }
            return "0," + copied;
        } catch (SinkFailure e) {
            transfer.abort();
            return sinkErr + ",0";
        } catch (IOException e) {
            transfer.abort();
            return failure(e);
        }
    }

    /** Copies at most {@code limit} bytes (-1: all); source failures propagate, sink failures as SinkFailure. */
    static long copy(InputStream source, OutputStream sink, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (limit < 0 || copied < limit) {
            int want = limit < 0 ? buffer.length : (int) Math.min(buffer.length, limit - copied);
            int n = source.read(buffer, 0, want);
            if (n < 0) {
                break;
            }
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
            copied += n;
        }
        return copied;
    }

    /** The URC pair for a failure on the server side. */
    static String failure(IOException e) {
        IOException cause = e instanceof SinkFailure && e.getCause() instanceof IOException io ? io : e;
        FtpFailure f = cause instanceof FtpFailure ftp ? ftp : FtpErrors.fromIOException(cause, FtpErrors.Channel.DATA);
        return f.err() + "," + f.protocolError();
    }
}
