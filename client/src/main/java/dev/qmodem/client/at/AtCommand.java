package dev.qmodem.client.at;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * One command line to send and what to expect back: how long to wait, which line carries the outcome (an
 * information line before the final result code, or a URC after {@code OK}, whichever the model sends), and what
 * happens after {@code CONNECT} (data to receive, or data to send). Immutable; each {@code with} method returns a
 * copy.
 *
 * <pre>{@code
 * AtCommand.of("AT+QFTPCWD=\"/\"").expecting("+QFTPCWD:").timeout(Duration.ofSeconds(100))
 * }</pre>
 */
public final class AtCommand {

    private final String line;
    private final Duration timeout;
    private final String outcomePrefix;
    private final Inbound inbound;
    private final DataWriter writer;

    /** What to do with bytes the module sends after {@code CONNECT}. */
    record Inbound(OutputStream sink, boolean untilOutcome, long length) {
    }

    private AtCommand(String line, Duration timeout, String outcomePrefix, Inbound inbound, DataWriter writer) {
        this.line = line;
        this.timeout = timeout;
        this.outcomePrefix = outcomePrefix;
        this.inbound = inbound;
        this.writer = writer;
    }

    /**
     * A command line such as {@code AT+QFTPPWD}, without the terminating carriage return.
     *
     * @throws IllegalArgumentException if the line contains CR or LF
     */
    public static AtCommand of(String line) {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a command line cannot contain CR or LF: " + line);
        }
        return new AtCommand(line, null, null, null, null);
    }

    /**
     * The longest silence allowed while waiting: for the final result code, for the outcome line, and between
     * data bytes. Without it the channel's default applies.
     */
    public AtCommand timeout(Duration timeout) {
        return new AtCommand(line, Objects.requireNonNull(timeout), outcomePrefix, inbound, writer);
    }

    /**
     * The command is complete only once a line starting with {@code prefix} (e.g. {@code "+QFTPOPEN:"}) has come,
     * before the final result code or as a URC after {@code OK}.
     */
    public AtCommand expecting(String prefix) {
        return new AtCommand(line, timeout, Objects.requireNonNull(prefix), inbound, writer);
    }

    /**
     * After {@code CONNECT}, bytes are data for {@code sink} until the module's final result code confirmed by the
     * outcome URC {@code prefix} (e.g. {@code +QFTPGET: 0,<n>}), the way {@code AT+QFTPGET=...,"COM:"} works. The
     * data may contain any bytes, {@code \r\nOK\r\n} included: the URC's length decides where data ends.
     */
    public AtCommand receivingUntil(OutputStream sink, String prefix) {
        return new AtCommand(line, timeout, Objects.requireNonNull(prefix),
                new Inbound(Objects.requireNonNull(sink), true, 0), writer);
    }

    /**
     * After {@code CONNECT}, exactly {@code length} bytes are data for {@code sink} (or the length the module puts
     * on the line, {@code CONNECT <n>}, as {@code AT+QFREAD} does), then lines resume.
     */
    public AtCommand receivingExactly(OutputStream sink, long length) {
        return new AtCommand(line, timeout, outcomePrefix, new Inbound(Objects.requireNonNull(sink), false, length),
                writer);
    }

    /** After {@code CONNECT}, {@code writer} sends the data; then the final result code and outcome follow. */
    public AtCommand sending(DataWriter writer) {
        return new AtCommand(line, timeout, outcomePrefix, inbound, Objects.requireNonNull(writer));
    }

    /** The command line. */
    public String line() {
        return line;
    }

    /** The configured timeout, or null for the channel's default. */
    public Duration timeout() {
        return timeout;
    }

    /** The outcome line prefix, or null. */
    public String outcomePrefix() {
        return outcomePrefix;
    }

    Inbound inbound() {
        return inbound;
    }

    DataWriter writer() {
        return writer;
    }

    /**
     * The response prefix the command owns, {@code "+QFTPCWD:"} for {@code AT+QFTPCWD="/"}: lines with it before
     * the final result code are its information lines, never URCs.
     */
    String ownPrefix() {
        if (line.length() < 3 || !line.regionMatches(true, 0, "AT", 0, 2)) {
            return null;
        }
        int end = 2;
        while (end < line.length() && "=?;".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        String name = line.substring(2, end).toUpperCase(java.util.Locale.ROOT);
        return name.length() > 1 && "+$^%".indexOf(name.charAt(0)) >= 0 ? name + ":" : null;
    }

    /**
     * {@code text} as an AT string parameter, in double quotes.
     *
     * @throws IllegalArgumentException if it contains a double quote, CR or LF, which AT strings cannot carry
     */
    public static String quote(String text) {
        if (text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an AT string cannot contain '\"', CR or LF: " + text);
        }
        return '"' + text + '"';
    }

    @Override
    public String toString() {
        return line;
    }
}
