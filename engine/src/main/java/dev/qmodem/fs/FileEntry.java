package dev.qmodem.fs;

/**
 * One line of {@code AT+QFLST}.
 *
 * @param displayName the name as the module shows it: {@code test.txt} on UFS, {@code RAM:test.txt} on RAM
 * @param size        bytes
 */
public record FileEntry(String displayName, long size) {
}
