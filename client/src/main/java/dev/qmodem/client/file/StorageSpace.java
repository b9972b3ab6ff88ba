package dev.qmodem.client.file;

/** {@code +QFLDS: <free_size>,<total_size>} of one storage ({@code UFS}, {@code RAM}), in bytes. */
public record StorageSpace(long free, long total) {
}
