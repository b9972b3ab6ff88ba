package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.ftp.FtpErrors;

import java.util.List;

/**
 * The shape the AT+QFTP commands with parameters share: the test form lists the parameters, the set form does the
 * work, other forms are errors, and malformed parameters answer {@code +CME ERROR: 610}.
 */
abstract class FtpSetCommand implements AtCommandHandler {

    private final List<String> testLines;

    FtpSetCommand(List<String> testLines) {
        this.testLines = List.copyOf(testLines);
    }

    FtpSetCommand(String testLine) {
        this(List.of(testLine));
    }

    /** The set form: {@code AT+QFTPxxx=<args>}. */
    abstract void set(Args args, Response response) throws AtException;

    @Override
    public final int parameterError() {
        return FtpErrors.INVALID_PARAMETER;
    }

    @Override
    public final void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> testLines.forEach(response::info);
            case SET -> set(request.args(), response);
            default -> throw Params.unsupportedForm();
        }
    }
}
