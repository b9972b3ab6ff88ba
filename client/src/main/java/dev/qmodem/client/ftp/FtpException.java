package dev.qmodem.client.ftp;

import dev.qmodem.client.at.ErrorMeanings;
import dev.qmodem.client.at.ModemException;

/**
 * An FTP(S) operation failed: synchronously ({@code +CME ERROR: <err>}, nothing started) or in its result URC
 * ({@code +QFTPxxx: <err>,<protocol_error>}). Carries both codes and their documented meanings.
 */
public class FtpException extends ModemException {

    private final int protocolError;

    /**
     * @param command       the AT command line
     * @param err           the module's {@code <err>} (6xx), or {@link ModemException#NO_CODE} for a bare ERROR
     * @param protocolError the FTP server's reply code, 0 when the server gave none
     * @param line          the line that reported it
     */
    public FtpException(String command, int err, int protocolError, String line) {
        super(command, err, line + (protocolError == 0 ? ""
                : " [FTP reply " + protocolError + ": " + ErrorMeanings.protocolError(protocolError) + "]"));
        this.protocolError = protocolError;
    }

    /** The module's {@code <err>} code, e.g. 625; same as {@link #error()}. */
    public int err() {
        return error();
    }

    /** The FTP server's reply code, e.g. 530; 0 when there was none. */
    public int protocolError() {
        return protocolError;
    }

    /** The documented meaning of {@link #protocolError()}. */
    public String protocolMeaning() {
        return ErrorMeanings.protocolError(protocolError);
    }
}
