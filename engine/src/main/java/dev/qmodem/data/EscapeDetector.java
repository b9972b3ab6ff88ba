package dev.qmodem.data;

import java.nio.ByteBuffer;

/**
 * Recognises the {@code +++} escape in data mode (V.250 6.3.8 style guard time): at least the guard time of silence,
 * then three plus signs within the guard time, then the guard time of silence again. Plus signs that fail any of
 * these are data. Works on whole reads: bytes of one read arrive together, so only a read made of nothing but
 * plus signs can be part of an escape, and every other read is data in O(1).
 * Time is passed in (nanoseconds), so tests need no sleeping.
 */
public final class EscapeDetector {

    private static final int ESCAPE_LENGTH = 3;

    private final long guardNanos;
    private long lastInputAt;
    private long firstPlusAt;
    private int heldPluses;
    private int releasedPluses;
    private boolean chunkHeld;

    public EscapeDetector(long guardNanos, long startedAt) {
        this.guardNanos = guardNanos;
        this.lastInputAt = startedAt;
    }

    /**
     * Classifies bytes that arrived at {@code now} (the buffer's remaining ones, left unread). Afterwards {@link #releasedPluses()} plus signs held earlier are
     * data to pass on first, and {@link #chunkHeld()} tells whether these bytes were held as a possible escape
     * (else they are data).
     */
    public void onInput(ByteBuffer bytes, long now) {
        releasedPluses = 0;
        int len = bytes.remaining();
        boolean silentBefore = now - lastInputAt >= guardNanos;
        boolean allPlus = len <= ESCAPE_LENGTH && allPlus(bytes);
        if (heldPluses > 0) {
            if (allPlus && heldPluses + len <= ESCAPE_LENGTH && now - firstPlusAt <= guardNanos) {
                heldPluses += len;
                chunkHeld = true;
                lastInputAt = now;
                return;
            }
            releasedPluses = heldPluses;
            heldPluses = 0;
        }
        chunkHeld = allPlus && len > 0 && silentBefore;
        if (chunkHeld) {
            heldPluses = len;
            firstPlusAt = now;
        }
        lastInputAt = now;
    }

    public int releasedPluses() {
        return releasedPluses;
    }

    public boolean chunkHeld() {
        return chunkHeld;
    }

    /** When to call {@link #escapeDue} if a complete {@code +++} is waiting for its trailing silence; else -1. */
    public long escapeDeadline() {
        return heldPluses == ESCAPE_LENGTH ? lastInputAt + guardNanos : -1;
    }

    /** True once a complete {@code +++} has been followed by the guard time of silence; resets the detector. */
    public boolean escapeDue(long now) {
        if (heldPluses == ESCAPE_LENGTH && now - lastInputAt >= guardNanos) {
            heldPluses = 0;
            lastInputAt = now;
            return true;
        }
        return false;
    }

    private static boolean allPlus(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) != '+') {
                return false;
            }
        }
        return true;
    }
}
