package dev.qmodem.command.ftp;

import dev.qmodem.data.Pump;
import dev.qmodem.ftp.DownloadConnection;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;

import java.io.IOException;

/**
 * How a transfer's copy ends, as the {@link Outcome} of its URC, telling which side failed: the server (the FTP
 * mapping), the local side (a file: 613; the host's data mode ending: 616).
 */
final class Transfers {

    private Transfers() {
    }

    /**
     * Ends a download after its copy: completes it (reading the server's final reply), or aborts it when the limit
     * cut it short or the copy failed.
     *
     * @param failure null, the source's failure, or a {@link Pump.SinkFailure}
     * @param sinkErr the error to report when writing to the sink failed
     */
    static Outcome endDownload(DownloadConnection transfer, long copied, IOException failure, long limit,
                              int sinkErr) {
        if (failure instanceof Pump.SinkFailure) {
            transfer.abort();
            return Outcome.failed(sinkErr);
        }
        if (failure != null) {
            transfer.abort();
            return failure(failure);
        }
        try {
            if (limit >= 0 && copied >= limit) {
                transfer.abort();
            } else {
                transfer.complete();
            }
            return Outcome.success(copied);
        } catch (IOException e) {
            transfer.abort();
            return failure(e);
        }
    }

    /** The outcome of a failure on the server side. */
    static Outcome failure(IOException e) {
        IOException cause = e instanceof Pump.SinkFailure sink ? sink.sinkCause() : e;
        return Outcome.of(cause instanceof FtpFailure ftp ? ftp : FtpErrors.fromIOException(cause, FtpErrors.Channel.DATA));
    }
}
