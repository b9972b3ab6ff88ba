package dev.qmodem.fs;

/**
 * The {@code <checksum>} of {@code AT+QFUPL} and {@code AT+QFDWL}: the XOR of the data read as big-endian
 * 16-bit words, an odd last byte counting as a word's high byte over a zero low byte.
 */
public final class QuectelChecksum implements DataChecksum {

    private int xor;
    /** The first byte of a word whose second byte has not come yet, or -1. */
    private int pendingHigh = -1;

    @Override
    public void update(byte[] buffer, int offset, int len) {
        int i = offset;
        int end = offset + len;
        if (pendingHigh >= 0 && i < end) {
            xor ^= pendingHigh << 8 | buffer[i++] & 0xff;
            pendingHigh = -1;
        }
        for (; i + 1 < end; i += 2) {
            xor ^= (buffer[i] & 0xff) << 8 | buffer[i + 1] & 0xff;
        }
        if (i < end) {
            pendingHigh = buffer[i] & 0xff;
        }
    }

    @Override
    public long value() {
        return pendingHigh >= 0 ? xor ^ pendingHigh << 8 : xor;
    }
}
