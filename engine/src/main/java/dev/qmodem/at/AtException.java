package dev.qmodem.at;

/**
 * A command failed before it started anything: answered with {@code ERROR} or {@code +CME ERROR: <code>}.
 * {@link #INVALID_PARAMETER} stands for "the parameters are wrong"; the dispatcher turns it into the error code the
 * command family uses for that ({@link AtCommandHandler#parameterError()}).
 */
public class AtException extends Exception {

    /** Code for a plain {@code ERROR}, whatever AT+CMEE says. */
    public static final int PLAIN_ERROR = -1;
    /** Placeholder code: the parameters are malformed, out of range or of the wrong type. */
    public static final int INVALID_PARAMETER = -2;

    private final int code;

    public AtException(int code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** A plain {@code ERROR}. */
    public static AtException error(String reason) {
        return new AtException(PLAIN_ERROR, reason);
    }

    /** A {@code +CME ERROR: <code>} (or {@code ERROR} under AT+CMEE=0). */
    public static AtException cme(int code) {
        return new AtException(code, "CME " + code);
    }

    /** Wrong parameters; reported with the command family's parameter error code. */
    public static AtException invalidParameter(String reason) {
        return new AtException(INVALID_PARAMETER, reason);
    }

    public int code() {
        return code;
    }
}
