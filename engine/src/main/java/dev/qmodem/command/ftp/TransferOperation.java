package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The lifecycle of every FTP transfer, written once: begin (claim the service: 625 before login, 603 while busy)
 * -> the configured file type -> open the transfer -> move the bytes -> finish -> the URC with the
 * {@link Outcome}. Transfers to and from a local file run all of it on the service's worker; transfers through
 * {@code COM:} open on the AT thread (CONNECT needs the data connection) and report when their data mode ends.
 */
final class TransferOperation {

    private static final Logger log = LoggerFactory.getLogger(TransferOperation.class);

    /** Opens the transfer on the session, after the file type is set. */
    @FunctionalInterface
    interface Opener<T> {
        T open(FtpSession session) throws FtpFailure;
    }

    /** Opens and moves the bytes of a transfer on the worker; a non-FTP IOException is a local file error (613). */
    @FunctionalInterface
    interface Body {
        Outcome run(FtpSession session) throws IOException;
    }

    private TransferOperation() {
    }

    /** Claims the service now and runs the operation on its worker: the AT command answers OK at once. */
    static void onWorker(FtpService service, String urcName, Body body) throws AtException {
        FtpSession session = service.begin(FtpService.Phase.TRANSFER);
        service.execute(() -> {
            Outcome outcome;
            try {
                service.applyFileType(session);
                outcome = body.run(session);
            } catch (FtpFailure f) {
                outcome = Outcome.of(f);
            } catch (IOException e) {
                outcome = Outcome.failed(FtpErrors.FILE_ERROR);
            }
            report(service, urcName, outcome);
        });
    }

    /**
     * Claims the service and opens the transfer now, on the AT thread (within rsptimeout). If it cannot be opened,
     * the operation is over: the URC reports why and this returns null (the command answers OK).
     */
    static <T> T openNow(FtpService service, String urcName, Opener<T> opener) throws AtException {
        FtpSession session = service.begin(FtpService.Phase.TRANSFER);
        try {
            service.applyFileType(session);
            return opener.open(session);
        } catch (FtpFailure f) {
            log.debug("{}: no transfer", urcName, f);
            report(service, urcName, Outcome.of(f));
            return null;
        }
    }

    /** The operation is over: the service is free again, then the URC. */
    static void report(FtpService service, String urcName, Outcome outcome) {
        service.finish();
        service.urc(urcName + ": " + outcome);
    }
}
