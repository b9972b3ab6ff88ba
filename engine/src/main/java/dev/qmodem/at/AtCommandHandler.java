package dev.qmodem.at;

/**
 * One AT command (or command family sharing a name). It reads its parameters through {@link Args}, writes
 * information lines to the {@link Response}, and throws {@link AtException} for anything that makes it refuse.
 * A handler that returns normally is answered {@code OK} unless it set another final result.
 */
public interface AtCommandHandler {

    /** The 3GPP TS 27.007 code for wrong parameters, used by the 27.007 commands (+CMEE, +CREG, ...). */
    int INCORRECT_PARAMETERS = 50;

    void handle(AtRequest request, Response response) throws AtException;

    /**
     * The {@code +CME ERROR} code this command answers for malformed or out-of-range parameters, or
     * {@link AtException#PLAIN_ERROR} for a plain {@code ERROR} (the V.250 basic commands).
     */
    default int parameterError() {
        return AtException.PLAIN_ERROR;
    }
}
