package dev.qmodem.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --trace FILE} log: one line per chunk read from or written to a host, such as
 * <pre>
 * 2026-11-23T09:41:02.123456Z host> AT+QFTPOPEN="h",21&lt;CR&gt;
 * 2026-11-23T09:41:02.124010Z module&lt; &lt;CR&gt;&lt;LF&gt;OK&lt;CR&gt;&lt;LF&gt;
 * </pre>
 * Printable ASCII stays text; CR, LF and TAB become {@code <CR> <LF> <TAB>}; every other byte, and
 * {@code <} itself, becomes two hex digits in angle brackets ({@code <00> <3c> <ff>}), so binary data
 * is traced in full and the text can be turned back into the exact bytes. Thread-safe: each record is
 * formatted by its caller and written and flushed in one call. After a write error tracing stops and the
 * data path goes on.
 */
public final class TraceWriter implements TraceSink, Closeable {

    private static final Logger log = LoggerFactory.getLogger(TraceWriter.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Which way a chunk went, with its label in the trace. */
    public enum Direction {
        FROM_HOST("host>"),
        TO_HOST("module<");

        private final String label;

        Direction(String label) {
            this.label = label;
        }
    }

    private final OutputStream out;
    private final Clock clock;
    private boolean failed;

    /** Traces to {@code out}, timestamping each record with {@code clock}. */
    public TraceWriter(OutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Creates or truncates {@code file} and traces to it with UTC wall-clock time. */
    public static TraceWriter open(Path file) throws IOException {
        return new TraceWriter(Files.newOutputStream(file), Clock.systemUTC());
    }

    /** Appends one record for {@code length} bytes of {@code bytes} from {@code offset}; empty chunks are skipped. */
    @Override
    public void record(Direction direction, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        StringBuilder line = new StringBuilder(40 + length * 2);
        TIMESTAMP.formatTo(clock.instant(), line);
        line.append(' ').append(direction.label).append(' ');
        appendEscaped(line, bytes, offset, length);
        line.append('\n');
        write(line.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Records an injected fault or event as {@code <time> inject! <text>}. */
    @Override
    public void mark(String text) {
        StringBuilder line = new StringBuilder(40 + text.length());
        TIMESTAMP.formatTo(clock.instant(), line);
        line.append(" inject! ");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        appendEscaped(line, bytes, 0, bytes.length);
        line.append('\n');
        write(line.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The bytes as the trace shows them: printable ASCII as text, {@code <CR> <LF> <TAB>}, else {@code <hh>}. */
    public static String escape(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length * 2);
        appendEscaped(text, bytes, offset, length);
        return text.toString();
    }

    private static void appendEscaped(StringBuilder line, byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            appendEscaped(line, bytes[i] & 0xff);
        }
    }

    private static void appendEscaped(StringBuilder line, int b) {
        switch (b) {
            case '\r' -> line.append("<CR>");
            case '\n' -> line.append("<LF>");
            case '\t' -> line.append("<TAB>");
            default -> {
                if (b >= 0x20 && b < 0x7f && b != '<') {
                    line.append((char) b);
                } else {
                    line.append('<').append(HEX[b >> 4]).append(HEX[b & 0xf]).append('>');
                }
            }
        }
    }

    private synchronized void write(byte[] record) {
        if (failed) {
            return;
        }
        try {
            out.write(record);
            out.flush();
        } catch (IOException e) {
            failed = true;
            log.warn("tracing stopped: cannot write the trace", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
