package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPOPEN=<hostname>[,<port>]}: logs in to the server (port 21 by default) on the configured PDP
 * context; OK, then {@code +QFTPOPEN: <err>,<protocol_error>}.
 */
public final class FtpOpenCommand extends FtpSetCommand {

    private static final int DEFAULT_PORT = 21;

    private final FtpService service;
    private final int hostnameLimit;
    private final IntRange ports;

    public FtpOpenCommand(FtpService service, ModelProfile profile) {
        super("+QFTPOPEN: <hostname>,<port>");
        this.service = service;
        this.hostnameLimit = profile.ftpLimits().hostname();
        this.ports = profile.range("ftp.range.port");
    }

    @Override
    void set(Args args, Response response) throws AtException {
        args.count(1, 2);
        service.open(args.string(0, hostnameLimit), Params.integer(args, 1, ports, DEFAULT_PORT));
    }
}
