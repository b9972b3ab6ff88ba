package dev.qmodem.fs;

import java.nio.charset.StandardCharsets;

/**
 * The rules for local names. A name never reaches the host file system unless it is a single plain path
 * element, so no name can lead out of the UFS directory.
 */
final class Names {

    /** Prefix of upload files in progress; reserved so that no host name can collide with one. */
    static final String STAGING_PREFIX = ".qmodem-upload-";

    private Names() {
    }

    record Split(Drive drive, String rest) {
    }

    /**
     * Splits off the drive prefix: {@code "RAM:"}, {@code "UFS:"} or none (UFS).
     *
     * @throws FileError {@link FileErrorCode#INVALID_PARAMETER} for {@code RAM:} without a RAM drive
     */
    static Split split(String localName, StorageConfig config) throws FileError {
        if (localName.startsWith(Drive.RAM.prefix())) {
            if (!config.hasRam()) {
                throw new FileError(FileErrorCode.INVALID_PARAMETER, "no RAM drive");
            }
            return new Split(Drive.RAM, localName.substring(Drive.RAM.prefix().length()));
        }
        if (localName.startsWith(Drive.UFS.prefix())) {
            return new Split(Drive.UFS, localName.substring(Drive.UFS.prefix().length()));
        }
        return new Split(Drive.UFS, localName);
    }

    /** Whether {@code name} (without prefix) may name a file; {@code wildcards} admits '*' and '?'. */
    static boolean isValid(String name, int maxLength, boolean wildcards) {
        if (name.isEmpty() || name.contains("..") || name.equals(".") || name.startsWith(STAGING_PREFIX)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean wildcard = c == '*' || c == '?';
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '"' || c == '\uFFFD'
                    || (wildcard && !wildcards)) {
                return false;
            }
        }
        return StandardCharsets.UTF_8.newEncoder().canEncode(name)
                && name.getBytes(StandardCharsets.UTF_8).length <= maxLength;
    }
}
