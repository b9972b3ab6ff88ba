package dev.qmodem.command.ftp;

import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.Inflow;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.UploadConnection;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AT+QFTPPUT from {@code COM:}: the host's data-mode bytes go straight to the data connection (an {@link Inflow}: a
 * slow server slows the host). The upload ends at {@code <uploadlen>}, at {@code +++}, after rsptimeout of
 * silence (609), or when the host goes away; the module answers OK at once and {@code +QFTPPUT: <err>,<value>}
 * once the server has confirmed. With {@code <beof>}=0 the data connection stays open for the next part. If the
 * server fails mid-upload the host's remaining bytes are still taken (and dropped) so they never turn into commands.
 */
final class UploadFromHost {

    private static final String URC = "+QFTPPUT";

    private final FtpService service;
    private final UploadConnection upload;
    private final String file;
    private final long startPosition;
    private final boolean lastPart;
    private final Inflow flow;

    /** Enters data mode for the upload; throws IllegalStateException while data mode is held. */
    UploadFromHost(FtpService service, DataMode dataMode, UploadConnection upload, String file, long startPosition,
                   long limit, boolean lastPart, long timeoutSeconds) {
        this.service = service;
        this.upload = upload;
        this.file = file;
        this.startPosition = startPosition;
        this.lastPart = lastPart;
        this.flow = Inflow.start(dataMode, upload.data(), limit, timeoutSeconds, TimeUnit.SECONDS, 0,
                service.clock(), this::ended);
    }

    long taken() {
        return flow.received();
    }

    /** AT+QFTPCLOSE or a lost PDP context while the host is still sending: the upload is dropped. */
    void cancel() {
        if (flow.cancel()) {
            upload.abort();
        }
    }

    private void ended(DataLink link, Inflow.End how, long taken, IOException failure) {
        if (how != Inflow.End.HOST_LOST) {
            link.end(List.of(), ResultCode.OK);
        }
        service.execute(() -> report(how, taken, failure));
    }

    private void report(Inflow.End how, long taken, IOException failure) {
        if (failure != null) {
            upload.abort();
            TransferOperation.report(service, URC, Transfers.failure(failure));
            return;
        }
        if (how == Inflow.End.LENGTH && !lastPart) {
            service.pauseUpload(new PausedUpload(file, upload, startPosition + taken));
            service.urc(URC + ": " + Outcome.success(taken));
            return;
        }
        Outcome outcome;
        try {
            upload.complete();
            outcome = how == Inflow.End.TIMEOUT ? Outcome.failed(FtpErrors.TIMEOUT) : Outcome.success(taken);
        } catch (FtpFailure f) {
            outcome = Outcome.of(f);
        }
        TransferOperation.report(service, URC, outcome);
    }
}
