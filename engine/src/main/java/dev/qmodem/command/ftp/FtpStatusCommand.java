package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;

import java.util.function.Consumer;

/**
 * The execute-only FTP commands that answer from the service's state without the server: {@code AT+QFTPSTAT}
 * ({@code +QFTPSTAT: 0,<ftpstat>} before OK), {@code AT+QFTPLEN} ({@code +QFTPLEN: 0,<transferlen>}, before or
 * after OK as the model prints it) and {@code AT+QFTPCLOSE}. Their test forms answer OK.
 */
public final class FtpStatusCommand implements AtCommandHandler {

    /** What the command does, writing into the response; may refuse with an AtException. */
    @FunctionalInterface
    public interface Action {
        void run(Response response) throws AtException;
    }

    private final Action action;

    public FtpStatusCommand(Action action) {
        this.action = action;
    }

    /** AT+QFTPSTAT. */
    public static FtpStatusCommand stat(FtpService service) {
        return new FtpStatusCommand(r -> r.info("+QFTPSTAT: 0," + service.statCode()));
    }

    /** AT+QFTPLEN; {@code afterOk} for the BG95/BG77 order. */
    public static FtpStatusCommand length(FtpService service, boolean afterOk) {
        Consumer<Response> write = r -> {
            String line = "+QFTPLEN: 0," + service.transferLength();
            if (afterOk) {
                r.afterFinal(line);
            } else {
                r.info(line);
            }
        };
        return new FtpStatusCommand(write::accept);
    }

    /** AT+QFTPCLOSE. */
    public static FtpStatusCommand close(FtpService service) {
        return new FtpStatusCommand(r -> service.close());
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        if (request.form() == CommandForm.TEST) {
            return;
        }
        if (request.form() != CommandForm.EXECUTE) {
            throw Params.unsupportedForm();
        }
        action.run(response);
    }
}
