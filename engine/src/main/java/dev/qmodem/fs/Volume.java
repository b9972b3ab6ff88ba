package dev.qmodem.fs;

import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * The storage behind one drive, with its space accounting. Not thread-safe: {@link LocalStorage} calls every
 * method, and every method of the {@link OpenFile}s it returns, under its one lock.
 */
abstract sealed class Volume permits DirectoryVolume, MemoryVolume {

    private final long capacity;
    private long used;
    private long capacityCap = Long.MAX_VALUE;

    Volume(long capacity) {
        this.capacity = capacity;
    }

    long capacity() {
        return Math.min(capacity, capacityCap);
    }

    /** Shrinks the capacity so that exactly {@code free} bytes are free now (never above the real capacity). */
    void limitFree(long free) {
        capacityCap = used + free;
    }

    void unlimit() {
        capacityCap = Long.MAX_VALUE;
    }

    long used() {
        return used;
    }

    void setUsed(long used) {
        this.used = used;
    }

    /** Claims space for bytes about to be written. @throws FileError {@link FileErrorCode#DRIVE_FULL} */
    void reserve(long bytes) throws FileError {
        long free = capacity() - used;
        if (bytes > free) {
            throw new FileError(FileErrorCode.DRIVE_FULL, bytes + " more bytes, " + Math.max(0, free) + " free");
        }
        used += bytes;
    }

    void release(long bytes) {
        used = Math.max(0, used - bytes);
    }

    /** The files a host may see, by name, with their sizes. */
    abstract SortedMap<String, Long> files() throws FileError;

    /** The size of a visible file, empty if there is none of that name. */
    abstract OptionalLong size(String name) throws FileError;

    /** Whether anything at all holds the name, visible file or not; an upload must not replace it. */
    abstract boolean occupied(String name) throws FileError;

    /** @throws FileError {@link FileErrorCode#FILE_NOT_FOUND} in {@link OpenMode#READ_ONLY} for a missing file */
    abstract OpenFile open(String name, OpenMode mode) throws FileError;

    /** @throws FileError {@link FileErrorCode#FILE_NOT_FOUND} or {@link FileErrorCode#FAIL_TO_DELETE} */
    abstract void delete(String name) throws FileError;

    /** A new empty file that nobody sees until it is published under a name. */
    abstract Staged stage() throws FileError;

    /** An upload's file in progress. */
    interface Staged {

        OpenFile file();

        /**
         * Makes the file visible under {@code name} in one step, or discards it and throws.
         *
         * @throws FileError {@link FileErrorCode#FILE_ALREADY_EXISTS} if the name was taken meanwhile
         */
        void publish(String name) throws FileError;

        /** Deletes the file and gives its space back. */
        void discard();
    }
}
