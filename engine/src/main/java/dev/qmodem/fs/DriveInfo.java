package dev.qmodem.fs;

/**
 * What {@code AT+QFLDS} reports about a drive.
 *
 * @param total     capacity in bytes
 * @param used      bytes taken by files, including uploads in progress
 * @param fileCount files that {@link LocalStorage#list} shows
 */
public record DriveInfo(long total, long used, int fileCount) {

    public long free() {
        return Math.max(0, total - used);
    }
}
