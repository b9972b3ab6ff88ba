package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.ListingKind;
import dev.qmodem.profile.ModelProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The FTP(S) command family's registrations: every AT+QFTP command with what it needs. */
public final class FtpCommands {

    private static final Pattern MODIFICATION_TIME = Pattern.compile("\\d{14}(\\.\\d{1,9})?");

    private FtpCommands() {
    }

    public static Map<String, AtCommandHandler> create(FtpService ftp, FtpConfig config, DataMode dataMode,
                                                       LocalStorage storage, ModelProfile profile) {
        int path = profile.ftpLimits().path();
        int file = profile.ftpLimits().file();
        String pwd = profile.text("ftp.format.pwd");
        String mdtm = profile.text("ftp.format.mdtm");
        Downloads downloads = new Downloads(ftp, dataMode, storage);
        Map<String, AtCommandHandler> commands = new LinkedHashMap<>();
        commands.put("+QFTPCFG", new FtpConfigCommand(config, profile));
        commands.put("+QFTPOPEN", new FtpOpenCommand(ftp, profile));
        commands.put("+QFTPCLOSE", FtpStatusCommand.close(ftp));
        commands.put("+QFTPSTAT", FtpStatusCommand.stat(ftp));
        commands.put("+QFTPLEN", FtpStatusCommand.length(ftp, profile.flag("ftp.len.after_ok")));
        commands.put("+QFTPCWD", new FtpSessionCommand(ftp, "+QFTPCWD", "+QFTPCWD: <path_name>", new int[] {path},
                (s, p) -> {
                    s.cwd(p.get(0));
                    return "+QFTPCWD: 0,0";
                }));
        commands.put("+QFTPPWD", new FtpSessionCommand(ftp, "+QFTPPWD", null, new int[0],
                (s, p) -> String.format(pwd, s.pwd())));
        commands.put("+QFTPSIZE", new FtpSessionCommand(ftp, "+QFTPSIZE", "+QFTPSIZE: <file_name>", new int[] {file},
                (s, p) -> "+QFTPSIZE: 0," + s.size(p.get(0))));
        commands.put("+QFTPDEL", new FtpSessionCommand(ftp, "+QFTPDEL", "+QFTPDEL: <file_name>", new int[] {file},
                (s, p) -> {
                    s.delete(p.get(0));
                    return "+QFTPDEL: 0,0";
                }));
        commands.put("+QFTPMKDIR", new FtpSessionCommand(ftp, "+QFTPMKDIR", "+QFTPMKDIR: <folder_name>",
                new int[] {path}, (s, p) -> {
                    s.mkdir(p.get(0));
                    return "+QFTPMKDIR: 0,0";
                }));
        commands.put("+QFTPRMDIR", new FtpSessionCommand(ftp, "+QFTPRMDIR", "+QFTPRMDIR: <folder_name>",
                new int[] {path}, (s, p) -> {
                    s.rmdir(p.get(0));
                    return "+QFTPRMDIR: 0,0";
                }));
        commands.put("+QFTPMDTM", new FtpSessionCommand(ftp, "+QFTPMDTM", "+QFTPMDTM: <file_name>", new int[] {file},
                (s, p) -> String.format(mdtm, wholeSeconds(s.mdtm(p.get(0))))));
        commands.put("+QFTPRENAME", new FtpSessionCommand(ftp, "+QFTPRENAME", "+QFTPRENAME: <old_name>,<new_name>",
                new int[] {path, path}, (s, p) -> {
                    s.rename(p.get(0), p.get(1));
                    return "+QFTPRENAME: 0,0";
                }));
        commands.put("+QFTPPUT", new FtpPutCommand(ftp, dataMode, storage, downloads, profile));
        commands.put("+QFTPGET", new FtpGetCommand(downloads, profile));
        for (ListingKind kind : ListingKind.values()) {
            commands.put("+QFTP" + kind.name(), new FtpListCommand(downloads, kind, profile));
        }
        return commands;
    }

    /**
     * The documented {@code YYYYMMDDHHMMSS} of a server's MDTM answer: a fraction (RFC 3659 allows one; Apache
     * FtpServer sends {@code 20261130050649.294}) is cut off, as host parsers read 14 digits; an answer that is not
     * a time fails the operation with 601 rather than reaching the host.
     */
    static String wholeSeconds(String modificationTime) throws FtpFailure {
        if (!MODIFICATION_TIME.matcher(modificationTime).matches()) {
            throw new FtpFailure(FtpErrors.UNKNOWN, 0, "MDTM answer is not a time: " + modificationTime.length()
                    + " characters", null);
        }
        return modificationTime.substring(0, 14);
    }
}
