package dev.qmodem.fs;

/** CRC-16/CCITT-FALSE: polynomial 0x1021, init 0xffff, not reflected, no final XOR. */
public final class Crc16CcittFalse implements DataChecksum {

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int crc = n << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
            TABLE[n] = crc & 0xffff;
        }
    }

    private int crc = 0xffff;

    @Override
    public void update(byte[] buffer, int offset, int len) {
        for (int i = offset; i < offset + len; i++) {
            crc = (crc << 8 ^ TABLE[(crc >>> 8 ^ buffer[i]) & 0xff]) & 0xffff;
        }
    }

    @Override
    public long value() {
        return crc;
    }
}
