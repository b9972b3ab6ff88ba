package dev.qmodem.client.file;

/**
 * The FILE commands' {@code <checksum>}: a 16-bit XOR of the data taken as big-endian byte pairs, an odd last byte
 * as the high byte of a final pair. Fed in chunks of any size.
 */
public final class XorChecksum {

    private int value;
    private boolean highNext = true;

    /** Adds {@code bytes[offset, offset+length)}. */
    public void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            value ^= highNext ? (bytes[i] & 0xff) << 8 : bytes[i] & 0xff;
            highNext = !highNext;
        }
    }

    /** The checksum of everything added so far. */
    public int value() {
        return value;
    }

    /** The checksum of {@code bytes}. */
    public static int of(byte[] bytes) {
        XorChecksum checksum = new XorChecksum();
        checksum.update(bytes, 0, bytes.length);
        return checksum.value();
    }
}
