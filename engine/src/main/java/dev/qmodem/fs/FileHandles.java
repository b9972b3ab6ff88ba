package dev.qmodem.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Numbered open files for {@code AT+QFOPEN}, {@code QFREAD}, {@code QFWRITE}, {@code QFSEEK},
 * {@code QFPOSITION}, {@code QFTUCAT} and {@code QFCLOSE}. Thread-safe.
 *
 * <p>Handles are the lowest free number from {@link #FIRST_HANDLE} on, like a descriptor table, so a closed
 * handle's number comes back with the next open. A handle is an exclusive open of its file, whatever its mode:
 * opening a file that is open in any way is {@link FileErrorCode#FILE_ALREADY_OPENED} (426). Positions stay
 * within the file: seeking before its start is {@link FileErrorCode#INVALID_INPUT_VALUE} (400), past its end
 * {@link FileErrorCode#LARGER_THAN_FILE_SIZE} (401). A number that is not an open handle is
 * {@link FileErrorCode#INVALID_DESCRIPTOR} (416).
 */
public final class FileHandles {

    /** The first handle number, as in Quectel's examples ({@code +QFOPEN: 1027}). */
    public static final int FIRST_HANDLE = 1027;

    private record Handle(LocalName name, OpenMode mode, OpenFile file) {
    }

    private final LocalStorage storage;
    private final Object lock;
    private final SortedMap<Integer, Handle> handles = new TreeMap<>();

    FileHandles(LocalStorage storage) {
        this.storage = storage;
        this.lock = storage.lock();
    }

    /**
     * @return the new handle
     * @throws FileError {@link FileErrorCode#TOO_MANY_OPEN_FILES} past {@link StorageConfig#maxOpenFiles()},
     *                   {@link FileErrorCode#FILE_ALREADY_OPENED}, {@link FileErrorCode#FILE_NOT_FOUND} in
     *                   {@link OpenMode#READ_ONLY}, {@link FileErrorCode#FAIL_TO_OPEN}
     */
    public int open(String localName, OpenMode mode) throws FileError {
        LocalName name = storage.parse(localName);
        synchronized (lock) {
            Volume volume = storage.volume(name.drive());
            if (handles.size() >= storage.config().maxOpenFiles()) {
                throw new FileError(FileErrorCode.TOO_MANY_OPEN_FILES, handles.size() + " open");
            }
            storage.openFiles().acquireExclusive(name);
            OpenFile file = storage.openOrRelease(volume, name, mode);
            int handle = FIRST_HANDLE;
            while (handles.containsKey(handle)) {
                handle++;
            }
            handles.put(handle, new Handle(name, mode, file));
            return handle;
        }
    }

    /** Reads up to {@code len} bytes at the handle's position; returns how many, 0 at the end of the file. */
    public int read(int handle, byte[] buffer, int offset, int len) throws FileError {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        synchronized (lock) {
            return handle(handle).file().read(buffer, offset, len);
        }
    }

    /** Bytes from the handle's position to the end of the file: what a read of everything would return. */
    public long remaining(int handle) throws FileError {
        synchronized (lock) {
            OpenFile file = handle(handle).file();
            return Math.max(0, file.size() - file.position());
        }
    }

    /**
     * Writes all {@code len} bytes at the handle's position, or none.
     *
     * @throws FileError {@link FileErrorCode#READ_ONLY}, {@link FileErrorCode#DRIVE_FULL},
     *                   {@link FileErrorCode#FAIL_TO_WRITE}
     */
    public void write(int handle, byte[] buffer, int offset, int len) throws FileError {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        synchronized (lock) {
            writable(handle).write(buffer, offset, len);
        }
    }

    /**
     * Moves the handle's position to {@code offset} bytes from {@code origin}.
     *
     * @return the new position
     */
    public long seek(int handle, long offset, SeekOrigin origin) throws FileError {
        synchronized (lock) {
            OpenFile file = handle(handle).file();
            long size = file.size();
            long base = switch (origin) {
                case START -> 0;
                case CURRENT -> file.position();
                case END -> size;
            };
            long target = base + offset;
            if ((offset > 0 && target < base) || target > size) {
                throw new FileError(FileErrorCode.LARGER_THAN_FILE_SIZE, "position past size " + size);
            }
            if (target < 0) {
                throw new FileError(FileErrorCode.INVALID_INPUT_VALUE, "position before start");
            }
            file.position(target);
            return target;
        }
    }

    public long position(int handle) throws FileError {
        synchronized (lock) {
            return handle(handle).file().position();
        }
    }

    /** The current size of the handle's file ({@code <total_length>} of {@code +QFWRITE}). */
    public long size(int handle) throws FileError {
        synchronized (lock) {
            return handle(handle).file().size();
        }
    }

    /** Cuts the file at the handle's position. @throws FileError {@link FileErrorCode#READ_ONLY} */
    public void truncate(int handle) throws FileError {
        synchronized (lock) {
            writable(handle).truncateAtPosition();
        }
    }

    public void close(int handle) throws FileError {
        synchronized (lock) {
            Handle open = handle(handle);
            handles.remove(handle);
            storage.openFiles().release(open.name());
            open.file().close();
        }
    }

    /** The open handles, lowest first. */
    public List<OpenHandle> list() {
        synchronized (lock) {
            List<OpenHandle> open = new ArrayList<>();
            handles.forEach((number, handle) ->
                    open.add(new OpenHandle(number, handle.name().displayName(), handle.mode())));
            return open;
        }
    }

    /** Closes every handle, ignoring failures: the storage is going away. */
    void closeAll() {
        synchronized (lock) {
            for (int handle : new ArrayList<>(handles.keySet())) {
                try {
                    close(handle);
                } catch (FileError e) {
                    // nothing left to do with a file that will not close
                }
            }
        }
    }

    private Handle handle(int handle) throws FileError {
        Handle open = handles.get(handle);
        if (open == null) {
            throw new FileError(FileErrorCode.INVALID_DESCRIPTOR, "handle " + handle);
        }
        return open;
    }

    private OpenFile writable(int handle) throws FileError {
        Handle open = handle(handle);
        if (open.mode() == OpenMode.READ_ONLY) {
            throw new FileError(FileErrorCode.READ_ONLY, open.name().displayName());
        }
        return open.file();
    }
}
