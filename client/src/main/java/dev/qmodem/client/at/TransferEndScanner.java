package dev.qmodem.client.at;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where downloaded data ends in a {@code CONNECT <data> \r\nOK\r\n ... +QFTPGET: 0,<n>} stream without ever
 * mistaking data for the end: the data may itself contain {@code \r\nOK\r\n}, so a final result code only ends it
 * once the outcome URC confirms that exactly the bytes before it were data ({@code <n>} equals their count; an
 * error URC confirms too). Bytes that cannot start that trailer go straight to the sink; only a possible trailer
 * is held back, at most {@link #HOLD_LIMIT} bytes, so memory stays flat whatever the data size.
 */
final class TransferEndScanner {

    /** Receives data bytes; must not throw. */
    interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    static final int HOLD_LIMIT = 4096;
    private static final int MAX_LINE = 512;
    private static final String[] FINAL_RESULTS = {"OK", "ERROR", "NO CARRIER", "+CME ERROR:"};

    private enum Verdict { NEED_MORE, REJECT, MATCH }

    private final String endPrefix;
    private final Sink sink;
    private final byte[] held = new byte[HOLD_LIMIT];
    private int heldLength;
    private long delivered;

    private int matchEnd;
    private String resultLine;
    private String outcomeLine;
    private final List<String> otherLines = new ArrayList<>();
    private byte[] leftover;

    TransferEndScanner(String endPrefix, Sink sink) {
        this.endPrefix = endPrefix;
        this.sink = sink;
    }

    /**
     * Takes bytes from {@code bytes[offset, offset+length)}.
     *
     * @return how many were consumed; fewer than {@code length} only once {@link #matched()}, and then the rest,
     *         after {@link #leftover()}, belongs to line mode again
     */
    int feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && !matched()) {
            if (heldLength == 0) {
                int cr = indexOfCr(bytes, i, end);
                deliver(bytes, i, cr - i);
                i = cr;
                if (i == end) {
                    break;
                }
            }
            int n = Math.min(end - i, HOLD_LIMIT - heldLength);
            System.arraycopy(bytes, i, held, heldLength, n);
            heldLength += n;
            i += n;
            settle();
        }
        return i - offset;
    }

    boolean matched() {
        return leftover != null;
    }

    /** Held bytes after the outcome URC line: not data, to be read as lines. */
    byte[] leftover() {
        return leftover;
    }

    /** Data bytes given to the sink so far; after a match, the transfer's length. */
    long delivered() {
        return delivered;
    }

    String resultLine() {
        return resultLine;
    }

    String outcomeLine() {
        return outcomeLine;
    }

    /** Lines between the final result code and the outcome (other URCs). */
    List<String> otherLines() {
        return otherLines;
    }

    private void settle() {
        while (heldLength > 0) {
            int cr = indexOfCr(held, 0, heldLength);
            if (cr > 0) {
                deliver(held, 0, cr);
                shift(cr);
                continue;
            }
            Verdict verdict = evaluate();
            if (verdict == Verdict.MATCH) {
                leftover = Arrays.copyOfRange(held, matchEnd, heldLength);
                heldLength = 0;
                return;
            }
            if (verdict == Verdict.NEED_MORE && heldLength < HOLD_LIMIT) {
                return;
            }
            deliver(held, 0, 1);
            shift(1);
        }
    }

    /** Reads {@code held} as {@code \r\n<final result>\r\n} then lines, up to the outcome URC. */
    private Verdict evaluate() {
        resultLine = null;
        otherLines.clear();
        if (heldLength < 2) {
            return Verdict.NEED_MORE;
        }
        if (held[1] != '\n') {
            return Verdict.REJECT;
        }
        int pos = 2;
        while (true) {
            while (pos < heldLength && (held[pos] == '\r' || held[pos] == '\n') && resultLine != null) {
                pos++;
            }
            int start = pos;
            while (pos < heldLength && held[pos] != '\r' && held[pos] != '\n') {
                byte b = held[pos];
                if (b < 0x20 || b > 0x7e || pos - start >= MAX_LINE) {
                    return Verdict.REJECT;
                }
                pos++;
            }
            String text = new String(held, start, pos - start, StandardCharsets.US_ASCII);
            if (resultLine == null && !couldBeFinalResult(text, pos < heldLength)) {
                return Verdict.REJECT;
            }
            if (pos == heldLength) {
                return Verdict.NEED_MORE;
            }
            pos++;
            if (resultLine == null) {
                resultLine = text;
            } else if (text.startsWith(endPrefix)) {
                return confirms(text) ? matchAt(pos, text) : Verdict.REJECT;
            } else {
                otherLines.add(text);
            }
        }
    }

    private Verdict matchAt(int end, String text) {
        // a CR-terminated URC line may be followed by its LF: take it too, so line mode does not see an empty line
        matchEnd = end < heldLength && held[end - 1] == '\r' && held[end] == '\n' ? end + 1 : end;
        outcomeLine = text;
        return Verdict.MATCH;
    }

    /** {@code +QFTPGET: 0,<n>} with n equal to the data before the result code, or any error. */
    private boolean confirms(String line) {
        List<String> fields = Fields.of(line);
        try {
            long err = Long.parseLong(fields.get(0));
            return err != 0 || fields.size() >= 2 && Long.parseLong(fields.get(1)) == delivered;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static boolean couldBeFinalResult(String text, boolean complete) {
        for (String result : FINAL_RESULTS) {
            boolean fits = complete
                    ? text.equals(result) || result.endsWith(":") && text.startsWith(result)
                    : result.startsWith(text) || result.endsWith(":") && text.startsWith(result);
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private void deliver(byte[] bytes, int offset, int length) {
        if (length > 0) {
            sink.write(bytes, offset, length);
            delivered += length;
        }
    }

    private void shift(int n) {
        System.arraycopy(held, n, held, 0, heldLength - n);
        heldLength -= n;
    }

    private static int indexOfCr(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\r') {
                return i;
            }
        }
        return to;
    }
}
