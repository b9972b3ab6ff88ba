package dev.qmodem.ftp;

import java.io.IOException;

/**
 * An FTP operation that failed, carrying the {@code <err>,<protocol_error>} pair a {@code +QFTPxxx} URC reports.
 * It is an {@link IOException} so it can travel out of the transfer streams unchanged.
 */
public final class FtpFailure extends IOException {

    private final int err;
    private final int protocolError;

    public FtpFailure(int err, int protocolError, String message, Throwable cause) {
        super(err + "," + protocolError + ": " + message, cause);
        this.err = err;
        this.protocolError = protocolError;
    }

    /** The module error code, 601-631. */
    public int err() {
        return err;
    }

    /** The FTP reply code behind the failure, or 0 when the failure is not an FTP reply. */
    public int protocolError() {
        return protocolError;
    }
}
