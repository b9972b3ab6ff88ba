package dev.qmodem.at;

import java.nio.charset.StandardCharsets;

/**
 * Command-mode byte decoder as a state machine (V.250 5.2): collects a line until S3, drops S4, applies S5
 * backspaces, recognises {@code A/} at once, and discards a line longer than the limit up to its S3, reporting it once.
 * {@link #feed} consumes bytes until one event completes, so the caller can switch to data mode right after the
 * command that asked for it, with the rest of the buffer still unread.
 */
public final class LineDecoder {

    /** What the last {@link #feed} call completed. */
    public enum Event { NONE, LINE, OVERLONG, REPEAT }

    private final AtSettings settings;
    private final byte[] line;
    private int length;
    private boolean overflowed;
    private Event event = Event.NONE;

    public LineDecoder(AtSettings settings, int maxLength) {
        this.settings = settings;
        this.line = new byte[maxLength];
    }

    /**
     * Consumes bytes from {@code in[off, off+len)} until an event completes or the input ends.
     *
     * @return how many bytes were consumed; {@link #event()} tells what completed
     */
    public int feed(byte[] in, int off, int len) {
        byte cr = settings.lineTerminator();
        byte lf = settings.lineFeed();
        byte bs = settings.backspace();
        event = Event.NONE;
        for (int i = 0; i < len; i++) {
            byte b = in[off + i];
            if (b == cr) {
                event = overflowed ? Event.OVERLONG : Event.LINE;
                overflowed = false;
                return i + 1;
            }
            if (b == lf || overflowed) {
                continue;
            }
            if (b == bs) {
                if (length > 0) {
                    length--;
                }
                continue;
            }
            if (length == line.length) {
                overflowed = true;
                length = 0;
                continue;
            }
            line[length++] = b;
            if (length == 2 && (line[0] == 'A' || line[0] == 'a') && line[1] == '/') {
                length = 0;
                event = Event.REPEAT;
                return i + 1;
            }
        }
        return len;
    }

    public Event event() {
        return event;
    }

    /** The completed line, bytes mapped one to one onto chars (ISO-8859-1), then cleared. */
    public String takeLine() {
        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        length = 0;
        return text;
    }

    /** Forgets a partly typed line (when the host goes away). */
    public void reset() {
        length = 0;
        overflowed = false;
        event = Event.NONE;
    }
}
