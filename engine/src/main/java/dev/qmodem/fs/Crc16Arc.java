package dev.qmodem.fs;

/** CRC-16/ARC, the IBM CRC-16: polynomial 0x8005 processed reflected (0xa001), init 0, no final XOR. */
public final class Crc16Arc implements DataChecksum {

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? crc >>> 1 ^ 0xa001 : crc >>> 1;
            }
            TABLE[n] = crc;
        }
    }

    private int crc;

    @Override
    public void update(byte[] buffer, int offset, int len) {
        for (int i = offset; i < offset + len; i++) {
            crc = crc >>> 8 ^ TABLE[(crc ^ buffer[i]) & 0xff];
        }
    }

    @Override
    public long value() {
        return crc;
    }
}
