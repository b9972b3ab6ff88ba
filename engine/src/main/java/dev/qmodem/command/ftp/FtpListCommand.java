package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.ftp.ListingKind;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPLIST=<dirname>[,<local_name>]}, and the same for {@code AT+QFTPNLST} and {@code AT+QFTPMLSD}: the
 * listing of a directory ({@code "."} is the current one) to the host in data mode ({@code "COM:"}, the default)
 * or into a local file. URC {@code +QFTPLIST: 0,<transfer_size>} or {@code <err>,<protocol_error>}.
 */
public final class FtpListCommand extends FtpSetCommand {

    private final Downloads downloads;
    private final ListingKind kind;
    private final String urcName;
    private final int pathLimit;
    private final int localLimit;

    FtpListCommand(Downloads downloads, ListingKind kind, ModelProfile profile) {
        super("+QFTP" + kind.name() + ": <dirname>,<local_name>");
        this.downloads = downloads;
        this.kind = kind;
        this.urcName = "+QFTP" + kind.name();
        this.pathLimit = profile.ftpLimits().path();
        this.localLimit = profile.ftpLimits().local();
    }



    @Override
    void set(Args args, Response response) throws AtException {
        args.count(1, 2);
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
