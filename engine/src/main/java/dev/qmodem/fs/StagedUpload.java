package dev.qmodem.fs;

import java.util.Objects;

/**
 * An {@code AT+QFUPL} in progress: bytes go to a hidden file that {@link #commit()} puts under the final
 * name in one step, so the name never shows a partial file, not even after a crash. Thread-safe.
 * Exactly one of {@link #commit()} and {@link #abort()} ends it; after that every method but
 * {@link #abort()} throws {@link IllegalStateException}.
 */
public final class StagedUpload {

    private final Object lock;
    private final Volume.Staged staged;
    private final LocalName target;
    private final long maxSize;
    private long size;
    private boolean finished;

    StagedUpload(Object lock, Volume.Staged staged, LocalName target, long maxSize) {
        this.lock = lock;
        this.staged = staged;
        this.target = target;
        this.maxSize = maxSize;
    }

    /** The final name as {@code AT+QFLST} will show it. */
    public String displayName() {
        return target.displayName();
    }

    /** Bytes written so far. */
    public long size() {
        synchronized (lock) {
            return size;
        }
    }

    /**
     * Appends all {@code len} bytes, or none.
     *
     * @throws FileError {@link FileErrorCode#FILE_TOO_LARGE} past the size given to
     *                   {@link LocalStorage#beginUpload}, {@link FileErrorCode#DRIVE_FULL},
     *                   {@link FileErrorCode#FAIL_TO_WRITE}; the upload stays usable
     */
    public void write(byte[] buffer, int offset, int len) throws FileError {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        synchronized (lock) {
            ensureActive();
            if (len > maxSize - size) {
                throw new FileError(FileErrorCode.FILE_TOO_LARGE, "upload limited to " + maxSize + " bytes");
            }
            staged.file().write(buffer, offset, len);
            size += len;
        }
    }

    /**
     * Publishes the bytes written so far under the final name.
     *
     * @throws FileError {@link FileErrorCode#FILE_ALREADY_EXISTS} if the name was taken since
     *                   {@link LocalStorage#beginUpload}, {@link FileErrorCode#FAIL_TO_WRITE}; either way the
     *                   upload's bytes are gone and the upload is over
     */
    public void commit() throws FileError {
        synchronized (lock) {
            ensureActive();
            finished = true;
            staged.publish(target.name());
        }
    }

    /** Throws the bytes away; does nothing if the upload is already over. */
    public void abort() {
        synchronized (lock) {
            if (!finished) {
                finished = true;
                staged.discard();
            }
        }
    }

    private void ensureActive() {
        if (finished) {
            throw new IllegalStateException("upload of " + target.displayName() + " is over");
        }
    }
}
