package dev.qmodem.command.ftp;

/** The Quectel FTP(S) error codes the AT layer itself decides (the rest come from {@code dev.qmodem.ftp}). */
final class FtpErrorCodes {

    static final int UNKNOWN = 601;
    static final int BUSY = 603;
    static final int NETWORK = 605;
    static final int DATA_CONNECTION_CLOSED = 607;
    static final int TIMEOUT = 609;
    static final int INVALID_PARAMETER = 610;
    static final int OPEN_FILE_FAILED = 611;
    static final int BAD_FILE_POSITION = 612;
    static final int FILE_ERROR = 613;
    static final int CONNECTION_ABORTED = 616;
    static final int BAD_SEQUENCE = 623;
    static final int NOT_LOGGED_IN = 625;

    private FtpErrorCodes() {
    }
}
