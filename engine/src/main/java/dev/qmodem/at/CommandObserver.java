package dev.qmodem.at;

/**
 * Watches the dispatcher: each command line before it runs and each command's outcome before the response is
 * written, for metrics, scenario triggers and faults that delay a result; and the outcome of each FTP operation.
 */
public interface CommandObserver {

    CommandObserver NONE = new CommandObserver() {
    };

    /** A command line (not blank) is about to run. */
    default void lineReceived(String line) {
    }

    /** {@code name} ({@code +QFTPOPEN}, {@code I}, {@code E}) answered with {@code response}'s result. */
    default void commandDone(String name, Response response) {
    }

    /** As {@link #commandDone(String, Response)}, with the form the command was typed in. */
    default void commandDone(String name, CommandForm form, Response response) {
        commandDone(name, response);
    }

    /** An FTP operation ended and its URC ({@code +QFTPGET: 0,1000}) is about to be reported. */
    default void ftpResult(String urc) {
    }
}
