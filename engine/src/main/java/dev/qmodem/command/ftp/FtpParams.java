package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.ftp.ControlCharacters;

/**
 * String parameters that become part of an FTP command (remote names, paths, the account). A control character
 * (a {@code \0D\0A} escape would end the command and start another one of the host's choosing) is refused with
 * the family's parameter error, {@code +CME ERROR: 610}, before anything is sent.
 */
final class FtpParams {

    private FtpParams() {
    }

    /** A required quoted string of at most {@code maxBytes}, without control characters. */
    static String wireText(Args args, int index, int maxBytes) throws AtException {
        return checked(index, args.string(index, maxBytes));
    }

    /** As {@link #wireText(Args, int, int)}; {@code fallback} when omitted. */
    static String wireText(Args args, int index, int maxBytes, String fallback) throws AtException {
        return checked(index, args.string(index, maxBytes, fallback));
    }

    private static String checked(int index, String text) throws AtException {
        int at = ControlCharacters.find(text);
        if (at >= 0) {
            throw AtException.invalidParameter("parameter " + index + " holds control character 0x"
                    + Integer.toHexString(text.charAt(at)) + " at " + at);
        }
        return text;
    }
}
