package dev.qmodem.fs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The shape of one model's local file system.
 *
 * @param ufsDirectory  directory that holds the UFS drive, created if missing
 * @param ufsCapacity   UFS size in bytes
 * @param ramCapacity   RAM drive size in bytes; 0 when the model has no RAM drive
 * @param maxNameLength longest file name in UTF-8 bytes, the drive prefix not counted
 * @param maxOpenFiles  most {@code AT+QFOPEN} handles open at once
 */
public record StorageConfig(Path ufsDirectory, long ufsCapacity, long ramCapacity, int maxNameLength,
                            int maxOpenFiles) {

    /** RAM files are byte arrays, so one file (and so the drive) must fit in one. */
    public static final long MAX_RAM_CAPACITY = Integer.MAX_VALUE - 8;

    /** Most file systems refuse longer names. */
    public static final int MAX_NAME_LENGTH = 255;

    public StorageConfig {
        Objects.requireNonNull(ufsDirectory, "ufsDirectory");
        if (ufsCapacity < 0) {
            throw new IllegalArgumentException("ufsCapacity < 0: " + ufsCapacity);
        }
        if (ramCapacity < 0 || ramCapacity > MAX_RAM_CAPACITY) {
            throw new IllegalArgumentException("ramCapacity out of 0.." + MAX_RAM_CAPACITY + ": " + ramCapacity);
        }
        if (maxNameLength < 1 || maxNameLength > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("maxNameLength out of 1.." + MAX_NAME_LENGTH + ": " + maxNameLength);
        }
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles < 1: " + maxOpenFiles);
        }
    }

    public boolean hasRam() {
        return ramCapacity > 0;
    }
}
