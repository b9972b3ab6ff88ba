package dev.qmodem.client.ftp;

/** The three directory listings a module can fetch. */
public enum Listing {
    /** {@code AT+QFTPLIST}: the server's LIST output, one line per entry in its own format. */
    LIST("AT+QFTPLIST", "+QFTPLIST:"),
    /** {@code AT+QFTPNLST}: names only. */
    NLST("AT+QFTPNLST", "+QFTPNLST:"),
    /** {@code AT+QFTPMLSD}: RFC 3659 machine-readable facts. */
    MLSD("AT+QFTPMLSD", "+QFTPMLSD:");

    private final String command;
    private final String urc;

    Listing(String command, String urc) {
        this.command = command;
        this.urc = urc;
    }

    String command() {
        return command;
    }

    String urc() {
        return urc;
    }
}
