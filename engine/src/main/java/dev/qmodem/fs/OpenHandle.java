package dev.qmodem.fs;

/**
 * One line of {@code AT+QFOPEN?}.
 *
 * @param handle      the number {@link FileHandles#open} returned
 * @param displayName the file, as {@link FileEntry#displayName()} shows it
 * @param mode        how it was opened
 */
public record OpenHandle(int handle, String displayName, OpenMode mode) {
}
