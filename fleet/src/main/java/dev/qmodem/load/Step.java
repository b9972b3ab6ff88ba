package dev.qmodem.load;

import java.time.Duration;

/** One step of a scripted host session; text fields are templates ({@code ${id}}, {@code ${iter}}, {@code ${server.host}}). */
sealed interface Step {

    /** How the step is named in progress and the report. */
    String name();

    /**
     * {@code at: LINE}, optionally {@code urc: +QFTPOPEN}: sends the line, waits for its final result code and, if
     * named, the URC that carries the outcome ({@code <err>} 0 is success).
     */
    record At(String name, String line, String urc, Duration timeout) implements Step {
    }

    /**
     * {@code put: {name, size}}: {@code AT+QFTPPUT=<name>,"COM:",0,<size>,1}, then {@code size} bytes of the
     * file's pattern (see {@link Payload}) after CONNECT; the module leaves data mode by itself.
     */
    record Put(String name, String file, long size, Duration timeout) implements Step {
    }

    /**
     * {@code get: {name, size}}: {@code AT+QFTPGET=<name>,"COM:"}; the bytes received must be the file's pattern,
     * and {@code size} of them if it is given.
     */
    record Get(String name, String file, long size, Duration timeout) implements Step {
    }

    /** {@code sleep: mean~spread}: a pause drawn uniformly from {@code [mean-spread, mean+spread]}. */
    record Sleep(String name, Duration mean, Duration spread) implements Step {
    }
}
