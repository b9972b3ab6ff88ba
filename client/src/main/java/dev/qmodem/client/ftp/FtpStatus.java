package dev.qmodem.client.ftp;

/** {@code <ftpstat>} of {@code +QFTPSTAT: 0,<ftpstat>}. */
public enum FtpStatus {
    /** 0: opening an FTP service. */
    OPENING,
    /** 1: the FTP service is open and idle. */
    IDLE,
    /** 2: transferring data with the FTP server. */
    TRANSFERRING,
    /** 3: closing the FTP service. */
    CLOSING,
    /** 4: the FTP service is closed. */
    CLOSED;

    /** The status numbered {@code code}. */
    public static FtpStatus of(int code) {
        FtpStatus[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown FTP status " + code);
        }
        return all[code];
    }
}
