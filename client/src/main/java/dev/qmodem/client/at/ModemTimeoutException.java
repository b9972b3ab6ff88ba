package dev.qmodem.client.at;

/**
 * The module did not answer in time: no final result code, no awaited URC, or no data for longer than the
 * allowed silence. The command may still complete later; a careful host resynchronises (e.g. sends {@code AT}).
 */
public class ModemTimeoutException extends ModemException {

    /** @param waitingFor what did not arrive, e.g. "final result code" or "+QFTPOPEN:" */
    public ModemTimeoutException(String command, String waitingFor, long millis) {
        super(command, "no " + waitingFor + " within " + millis + " ms", null);
    }
}
