package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPOPEN=<hostname>[,<port>]}: logs in to the server (port 21 by default) on the configured PDP
 * context; OK, then {@code +QFTPOPEN: <err>,<protocol_error>}.
 */
public final class FtpOpenCommand implements AtCommandHandler {

    private static final int DEFAULT_PORT = 21;

    private final FtpService service;
    private final int hostnameLimit;
    private final IntRange ports;

    public FtpOpenCommand(FtpService service, ModelProfile profile) {
        this.service = service;
        this.hostnameLimit = profile.limit("ftp.limit.hostname");
        this.ports = profile.range("ftp.range.port");
    }

    @Override
    public int parameterError() {
        return FtpErrorCodes.INVALID_PARAMETER;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QFTPOPEN: <hostname>,<port>");
            case SET -> {
                var args = request.args().count(1, 2);
                service.open(args.string(0, hostnameLimit), Params.integer(args, 1, ports, DEFAULT_PORT));
            }
            default -> throw Params.unsupportedForm();
        }
    }
}
