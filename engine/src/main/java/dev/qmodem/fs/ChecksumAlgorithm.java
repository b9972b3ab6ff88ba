package dev.qmodem.fs;

import java.util.function.Supplier;

/** The checksums the module computes over files. */
public enum ChecksumAlgorithm {
    /** The 16-bit XOR of {@code AT+QFUPL} and {@code AT+QFDWL}. */
    QUECTEL_XOR16(QuectelChecksum::new),
    /** CRC-32 (ISO-HDLC, as zip): check value cbf43926. */
    CRC32(Crc32Checksum::new),
    /** CRC-16/ARC (IBM): polynomial 0x8005 reflected, init 0; check value bb3d. */
    CRC16_ARC(Crc16Arc::new),
    /** CRC-16/CCITT-FALSE: polynomial 0x1021, init 0xffff, not reflected; check value 29b1. */
    CRC16_CCITT_FALSE(Crc16CcittFalse::new);

    private final Supplier<DataChecksum> factory;

    ChecksumAlgorithm(Supplier<DataChecksum> factory) {
        this.factory = factory;
    }

    /** A fresh checksum of nothing. */
    public DataChecksum create() {
        return factory.get();
    }
}
