package dev.qmodem.client.at;

import java.io.IOException;

/**
 * The module refused a command ({@code ERROR}, {@code +CME ERROR: <err>}, {@code NO CARRIER}), answered something
 * the client cannot use, or the link failed. {@link #error()} is the {@code +CME ERROR} code, or
 * {@link #NO_CODE} when the module gave none.
 */
public class ModemException extends IOException {

    /** {@link #error()} when no numeric code is known (plain {@code ERROR}, a broken link, a bad answer). */
    public static final int NO_CODE = -1;

    private final String command;
    private final int error;

    /** A failure with a code; the message says the command, the code and its meaning. */
    public ModemException(String command, int error, String detail) {
        super(describe(command, error, detail));
        this.command = command;
        this.error = error;
    }

    /** A failure without a code. */
    public ModemException(String command, String detail, Throwable cause) {
        super(describe(command, NO_CODE, detail), cause);
        this.command = command;
        this.error = NO_CODE;
    }

    private static String describe(String command, int error, String detail) {
        String code = error == NO_CODE ? "" : " (error " + error + ": " + ErrorMeanings.error(error) + ")";
        return (command == null ? "" : command + ": ") + detail + code;
    }

    /** The command line that failed, without its terminator; null if none was in progress. */
    public String command() {
        return command;
    }

    /** The numeric error code, or {@link #NO_CODE}. */
    public int error() {
        return error;
    }

    /** The documented meaning of {@link #error()}. */
    public String meaning() {
        return error == NO_CODE ? "No error code" : ErrorMeanings.error(error);
    }
}
