package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.ftp.ListingKind;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPLIST=<dirname>[,<local_name>]}, and the same for {@code AT+QFTPNLST} and {@code AT+QFTPMLSD}: the
 * listing of a directory ({@code "."} is the current one) to the host in data mode ({@code "COM:"}, the default)
 * or into a local file. URC {@code +QFTPLIST: 0,<transfer_size>} or {@code <err>,<protocol_error>}.
 */
public final class FtpListCommand implements AtCommandHandler {

    private final Downloads downloads;
    private final ListingKind kind;
    private final String urcName;
    private final int pathLimit;
    private final int localLimit;

    FtpListCommand(Downloads downloads, ListingKind kind, ModelProfile profile) {
        this.downloads = downloads;
        this.kind = kind;
        this.urcName = "+QFTP" + kind.name();
        this.pathLimit = profile.limit("ftp.limit.path");
        this.localLimit = profile.limit("ftp.limit.local");
    }

    @Override
    public int parameterError() {
        return FtpErrorCodes.INVALID_PARAMETER;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info(urcName + ": <dirname>,<local_name>");
            case SET -> list(request.args().count(1, 2), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void list(Args args, Response response) throws AtException {
        String directory = args.string(0, pathLimit);
        String local = args.string(1, localLimit, Downloads.COM);
        Downloads.Opener opener = session -> session.retrieveListing(kind, directory);
        if (Downloads.isHost(local)) {
            downloads.toHost(response, urcName, opener, -1);
        } else {
            downloads.toFile(urcName, opener, local);
        }
    }
}
