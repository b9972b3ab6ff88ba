package dev.qmodem.fs;

import java.util.function.Supplier;

/**
 * The checksums the module computes over files. The three CRCs are those of {@code AT+QFCRC} on real BG96/BG95
 * modules, identified from their answers (for the one byte {@code "0"}: {@code 0xD4326D90,0x285C,0xC1FB}).
 */
public enum ChecksumAlgorithm {
    /** The 16-bit XOR of {@code AT+QFUPL} and {@code AT+QFDWL}. */
    QUECTEL_XOR16(QuectelChecksum::new),
    /** CRC-32, polynomial 0x04c11db7, init 0, not reflected, no final XOR; check value 89a1897f. */
    CRC32(model(new Crc.Model(32, 0x04c11db7L, 0, false, 0))),
    /** CRC-16/GENIBUS: polynomial 0x1021, init 0xffff, not reflected, final XOR 0xffff; check value d64e. */
    CRC16(model(new Crc.Model(16, 0x1021, 0xffff, false, 0xffff))),
    /** CRC-16/IBM-SDLC: polynomial 0x1021, init 0xffff, reflected, final XOR 0xffff; check value 906e. */
    CRC16_CCITT(model(new Crc.Model(16, 0x1021, 0xffff, true, 0xffff)));

    private final Supplier<DataChecksum> factory;

    ChecksumAlgorithm(Supplier<DataChecksum> factory) {
        this.factory = factory;
    }

    private static Supplier<DataChecksum> model(Crc.Model model) {
        return () -> new Crc(model);
    }

    /** A fresh checksum of nothing. */
    public DataChecksum create() {
        return factory.get();
    }
}
