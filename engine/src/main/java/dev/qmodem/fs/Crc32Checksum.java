package dev.qmodem.fs;

import java.util.zip.CRC32;

/** CRC-32 as zip computes it. */
public final class Crc32Checksum implements DataChecksum {

    private final CRC32 crc = new CRC32();

    @Override
    public void update(byte[] buffer, int offset, int len) {
        crc.update(buffer, offset, len);
    }

    @Override
    public long value() {
        return crc.getValue();
    }
}
