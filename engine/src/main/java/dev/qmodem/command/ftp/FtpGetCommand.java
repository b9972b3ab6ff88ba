package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPGET=<file_name>,"COM:"[,<startpos>[,<downloadlen>]]}: downloads to the host in data mode, from
 * {@code <startpos>} (REST), at most {@code <downloadlen>} bytes; {@code AT+QFTPGET=<file_name>,<local_name>[,<startpos>]}
 * saves bytes {@code [startpos, end)} into a local file. URC {@code +QFTPGET: 0,<transferlen>} or
 * {@code +QFTPGET: <err>,<protocol_error>}.
 */
public final class FtpGetCommand extends FtpSetCommand {

    private static final String URC = "+QFTPGET";

    private final Downloads downloads;
    private final int fileLimit;
    private final int localLimit;

    FtpGetCommand(Downloads downloads, ModelProfile profile) {
        super(URC + ": <file_name>,<local_name>,<startpos>,<downloadlen>");
        this.downloads = downloads;
        this.fileLimit = profile.ftpLimits().file();
        this.localLimit = profile.ftpLimits().local();
    }

    @Override
    void set(Args args, Response response) throws AtException {
        args.count(2, 4);
        String file = FtpParams.wireText(args, 0, fileLimit);
        String local = args.string(1, localLimit);
        long start = args.integer(2, 0, Long.MAX_VALUE, 0);
        if (Downloads.isHost(local)) {
            long limit = args.integer(3, 1, Long.MAX_VALUE, -1);
            downloads.toHost(response, URC, session -> session.retrieve(file, start), limit);
        } else {
            args.count(2, 3);
            downloads.toFile(URC, session -> session.retrieve(file, start), local);
        }
    }
}
