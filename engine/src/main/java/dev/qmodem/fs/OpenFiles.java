package dev.qmodem.fs;

import java.util.HashMap;
import java.util.Map;

/**
 * Which files are open, so that a writer never changes a file under anyone else: a file has either any
 * number of shared (read) opens or one exclusive open. Not thread-safe.
 */
final class OpenFiles {

    private static final int EXCLUSIVE = -1;

    /** Count of shared opens, or {@link #EXCLUSIVE}. */
    private final Map<LocalName, Integer> opens = new HashMap<>();

    void acquireShared(LocalName file) throws FileError {
        int count = opens.getOrDefault(file, 0);
        if (count == EXCLUSIVE) {
            throw new FileError(FileErrorCode.FILE_ALREADY_OPENED, file.displayName());
        }
        opens.put(file, count + 1);
    }

    void acquireExclusive(LocalName file) throws FileError {
        if (isOpen(file)) {
            throw new FileError(FileErrorCode.FILE_ALREADY_OPENED, file.displayName());
        }
        opens.put(file, EXCLUSIVE);
    }

    void release(LocalName file) {
        int count = opens.getOrDefault(file, 0);
        if (count == EXCLUSIVE || count <= 1) {
            opens.remove(file);
        } else {
            opens.put(file, count - 1);
        }
    }

    boolean isOpen(LocalName file) {
        return opens.containsKey(file);
    }
}
