package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.FtpSession;

import java.util.ArrayList;
import java.util.List;

/**
 * A control-connection command: {@code AT+QFTPCWD=<path_name>}, {@code AT+QFTPPWD}, {@code AT+QFTPSIZE=<file_name>},
 * {@code AT+QFTPDEL}, {@code AT+QFTPMKDIR}, {@code AT+QFTPRMDIR}, {@code AT+QFTPMDTM},
 * {@code AT+QFTPRENAME=<old_name>,<new_name>}. Answers OK at once; the URC carries the result or
 * {@code <err>,<protocol_error>}. The test form shows the parameter names.
 */
public final class FtpSessionCommand implements AtCommandHandler {

    /** What the command does on the session, given its string parameters; returns the success URC. */
    @FunctionalInterface
    public interface Operation {
        String run(FtpSession session, List<String> parameters) throws FtpFailure;
    }

    private final FtpService service;
    private final String urcName;
    private final String testLine;
    private final int[] limits;
    private final Operation operation;

    /**
     * @param urcName  e.g. {@code +QFTPCWD}
     * @param testLine what the test form shows, or null for a bare OK
     * @param limits   the byte limit of each string parameter; none for an execute command like AT+QFTPPWD
     */
    public FtpSessionCommand(FtpService service, String urcName, String testLine, int[] limits, Operation operation) {
        this.service = service;
        this.urcName = urcName;
        this.testLine = testLine;
        this.limits = limits.clone();
        this.operation = operation;
    }

    @Override
    public int parameterError() {
        return FtpErrors.INVALID_PARAMETER;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        CommandForm expected = limits.length == 0 ? CommandForm.EXECUTE : CommandForm.SET;
        if (request.form() == CommandForm.TEST) {
            if (testLine != null) {
                response.info(testLine);
            }
            return;
        }
        if (request.form() != expected) {
            throw Params.unsupportedForm();
        }
        Args args = request.args();
        List<String> parameters = new ArrayList<>();
        if (limits.length > 0) {
            args.count(limits.length, limits.length);
            for (int i = 0; i < limits.length; i++) {
                parameters.add(args.string(i, limits[i]));
            }
        }
        service.command(urcName, session -> operation.run(session, parameters));
    }
}
