package dev.qmodem.fs;

/**
 * A table-driven CRC of 8 to 32 bits, described as the CRC catalogue describes one: width, polynomial, initial
 * value, whether input and output are reflected, final XOR.
 */
final class Crc implements DataChecksum {

    /** One CRC definition with its lookup table, shared by every checksum of that kind. */
    static final class Model {

        private final int width;
        private final long mask;
        private final long init;
        private final boolean reflected;
        private final long xorOut;
        private final long[] table = new long[256];

        Model(int width, long poly, long init, boolean reflected, long xorOut) {
            this.width = width;
            this.mask = (1L << width) - 1;
            this.reflected = reflected;
            this.init = reflected ? reflect(init, width) : init;
            this.xorOut = xorOut;
            long reflectedPoly = reflect(poly, width);
            long top = 1L << (width - 1);
            for (int n = 0; n < 256; n++) {
                long crc = reflected ? n : (long) n << (width - 8);
                for (int bit = 0; bit < 8; bit++) {
                    if (reflected) {
                        crc = (crc & 1) != 0 ? crc >>> 1 ^ reflectedPoly : crc >>> 1;
                    } else {
                        crc = (crc & top) != 0 ? crc << 1 ^ poly : crc << 1;
                    }
                }
                table[n] = crc & mask;
            }
        }

        private static long reflect(long value, int width) {
            return Long.reverse(value) >>> (64 - width);
        }
    }

    private final Model model;
    private long crc;

    Crc(Model model) {
        this.model = model;
        this.crc = model.init;
    }

    @Override
    public void update(byte[] buffer, int offset, int len) {
        long[] table = model.table;
        long value = crc;
        if (model.reflected) {
            for (int i = offset; i < offset + len; i++) {
                value = value >>> 8 ^ table[(int) (value ^ buffer[i]) & 0xff];
            }
        } else {
            int shift = model.width - 8;
            for (int i = offset; i < offset + len; i++) {
                value = (value << 8 ^ table[(int) (value >>> shift ^ buffer[i]) & 0xff]) & model.mask;
            }
        }
        crc = value;
    }

    @Override
    public long value() {
        return crc ^ model.xorOut;
    }
}
