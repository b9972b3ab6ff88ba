package dev.qmodem.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The module's local files: the UFS drive (a directory, persistent) and, where configured, the RAM drive
 * (memory, lost with this object). Thread-safe: the AT commands and FTP transfers share one instance.
 *
 * <p>Local names: {@code "name"} and {@code "UFS:name"} are on UFS, {@code "RAM:name"} on RAM. A name is
 * one plain file name of at most {@link StorageConfig#maxNameLength()} UTF-8 bytes: not empty, without
 * {@code / \ : " * ?}, control characters or {@code ..}, not {@code .}, not starting with
 * {@code .qmodem-upload-} (reserved for uploads in progress); anything else is
 * {@link FileErrorCode#INVALID_FILE_NAME} (406). {@code RAM:} without a RAM drive is
 * {@link FileErrorCode#INVALID_PARAMETER} (425), as DESIGN.md decides for BG95/BG77.
 *
 * <p>Space: a write that does not fit in the drive's capacity fails whole with
 * {@link FileErrorCode#DRIVE_FULL} (403, never 420) and changes nothing.
 *
 * <p>Opens: a file has either any number of readers ({@link #openRead}) or one exclusive user (a
 * {@link #createFile} stream or any {@link FileHandles} handle, whatever its mode); an open that breaks this
 * is {@link FileErrorCode#FILE_ALREADY_OPENED} (426). Deleting an open file is
 * {@link FileErrorCode#FAIL_TO_DELETE} (418).
 */
public final class LocalStorage implements AutoCloseable {

    private final Object lock = new Object();
    private final StorageConfig config;
    private final Map<Drive, Volume> volumes = new EnumMap<>(Drive.class);
    private final OpenFiles openFiles = new OpenFiles();
    private final FileHandles handles;

    /**
     * Opens the UFS directory (creating it if missing), deletes uploads a crash left there, and starts an
     * empty RAM drive if configured.
     */
    public LocalStorage(StorageConfig config) throws IOException {
        this.config = config;
        volumes.put(Drive.UFS, new DirectoryVolume(config.ufsDirectory(), config.ufsCapacity(),
                config.maxNameLength()));
        if (config.hasRam()) {
            volumes.put(Drive.RAM, new MemoryVolume(config.ramCapacity()));
        }
        this.handles = new FileHandles(this);
    }

    public StorageConfig config() {
        return config;
    }

    public boolean hasDrive(Drive drive) {
        return volumes.containsKey(drive);
    }

    /** The {@code AT+QFOPEN} family. */
    public FileHandles handles() {
        return handles;
    }

    /** Validates a local name without touching any file. @throws FileError 406 or 425 */
    public void checkName(String localName) throws FileError {
        LocalName.parse(localName, config);
    }

    /**
     * The files matching a pattern, by name: {@code "*"} or {@code "UFS:*"} all of UFS, {@code "RAM:*"} all
     * of RAM, {@code '*'} and {@code '?'} as wildcards, a plain name just that file. Empty if none match.
     */
    public List<FileEntry> list(String pattern) throws FileError {
        NamePattern parsed = NamePattern.parse(pattern, config);
        synchronized (lock) {
            List<FileEntry> entries = new ArrayList<>();
            for (Map.Entry<String, Long> file : volume(parsed.drive()).files().entrySet()) {
                if (parsed.matches(file.getKey())) {
                    entries.add(new FileEntry(parsed.drive().displayName(file.getKey()), file.getValue()));
                }
            }
            return entries;
        }
    }

    /**
     * Deletes the files matching a pattern (as {@link #list}); nothing if one of them is open.
     *
     * @return how many were deleted; 0 is fine for a wildcard pattern
     * @throws FileError {@link FileErrorCode#FILE_NOT_FOUND} for a plain name that is not there,
     *                   {@link FileErrorCode#FAIL_TO_DELETE} if a matching file is open
     */
    public int delete(String pattern) throws FileError {
        NamePattern parsed = NamePattern.parse(pattern, config);
        synchronized (lock) {
            Volume volume = volume(parsed.drive());
            List<String> matching = new ArrayList<>();
            for (String name : volume.files().keySet()) {
                if (parsed.matches(name)) {
                    if (openFiles.isOpen(new LocalName(parsed.drive(), name))) {
                        throw new FileError(FileErrorCode.FAIL_TO_DELETE, parsed.drive().displayName(name) + " is open");
                    }
                    matching.add(name);
                }
            }
            if (matching.isEmpty() && !parsed.hasWildcard()) {
                throw new FileError(FileErrorCode.FILE_NOT_FOUND, pattern);
            }
            for (String name : matching) {
                volume.delete(name);
            }
            return matching.size();
        }
    }

    /** @throws FileError {@link FileErrorCode#FILE_NOT_FOUND} */
    public long size(String localName) throws FileError {
        LocalName name = LocalName.parse(localName, config);
        synchronized (lock) {
            return volume(name.drive()).size(name.name())
                    .orElseThrow(() -> new FileError(FileErrorCode.FILE_NOT_FOUND, localName));
        }
    }

    public boolean exists(String localName) throws FileError {
        LocalName name = LocalName.parse(localName, config);
        synchronized (lock) {
            return volume(name.drive()).size(name.name()).isPresent();
        }
    }

    /**
     * Makes the drive report and enforce {@code free} bytes of free space from now on (what is written uses it up);
     * empty gives it back its real capacity. A drive this model lacks is ignored.
     */
    public void limitFreeSpace(Drive drive, java.util.OptionalLong free) {
        synchronized (lock) {
            Volume volume = volumes.get(drive);
            if (volume != null) {
                free.ifPresentOrElse(volume::limitFree, volume::unlimit);
            }
        }
    }

    /** @throws FileError {@link FileErrorCode#INVALID_PARAMETER} for a drive this model lacks */
    public DriveInfo driveInfo(Drive drive) throws FileError {
        synchronized (lock) {
            Volume volume = volume(drive);
            int count;
            try {
                count = volume.files().size();
            } catch (FileError e) {
                throw new FileError(FileErrorCode.FAIL_TO_GET_DISK_INFO, e);
            }
            return new DriveInfo(volume.capacity(), volume.used(), count);
        }
    }

    /**
     * Reads a file from {@code offset} to its end, as it is while being read.
     *
     * @throws FileError {@link FileErrorCode#FILE_NOT_FOUND}, {@link FileErrorCode#INVALID_INPUT_VALUE} for a
     *                   negative offset, {@link FileErrorCode#LARGER_THAN_FILE_SIZE} for one past the end,
     *                   {@link FileErrorCode#FILE_ALREADY_OPENED} while it is open for writing
     */
    public InputStream openRead(String localName, long offset) throws FileError {
        LocalName name = LocalName.parse(localName, config);
        synchronized (lock) {
            Volume volume = volume(name.drive());
            long size = volume.size(name.name())
                    .orElseThrow(() -> new FileError(FileErrorCode.FILE_NOT_FOUND, localName));
            if (offset < 0) {
                throw new FileError(FileErrorCode.INVALID_INPUT_VALUE, "offset " + offset);
            }
            if (offset > size) {
                throw new FileError(FileErrorCode.LARGER_THAN_FILE_SIZE, "offset " + offset + " > size " + size);
            }
            openFiles.acquireShared(name);
            OpenFile file = openOrRelease(volume, name, OpenMode.READ_ONLY);
            try {
                file.position(offset);
            } catch (FileError e) {
                openFiles.release(name);
                try {
                    file.close();
                } catch (FileError closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
            return new StoredInputStream(lock, file, () -> openFiles.release(name));
        }
    }

    /**
     * Creates the file, or empties it, and returns a stream that writes straight into it (for FTP
     * downloads): if the writer stops early the file holds exactly the bytes written. Each write is all or
     * nothing; a write that does not fit throws {@link FileErrorCode#DRIVE_FULL}.
     *
     * @throws FileError {@link FileErrorCode#FILE_ALREADY_OPENED}, {@link FileErrorCode#FAIL_TO_OPEN}
     */
    public OutputStream createFile(String localName) throws FileError {
        LocalName name = LocalName.parse(localName, config);
        synchronized (lock) {
            Volume volume = volume(name.drive());
            openFiles.acquireExclusive(name);
            OpenFile file = openOrRelease(volume, name, OpenMode.CREATE_OR_TRUNCATE);
            return new StoredOutputStream(lock, file, () -> openFiles.release(name));
        }
    }

    /**
     * Starts an {@code AT+QFUPL} of at most {@code maxSize} bytes to a new file.
     *
     * @throws FileError {@link FileErrorCode#FILE_ALREADY_EXISTS} if the name is taken,
     *                   {@link FileErrorCode#INVALID_INPUT_VALUE} for {@code maxSize < 1},
     *                   {@link FileErrorCode#DRIVE_FULL} if {@code maxSize} exceeds the free space
     */
    public StagedUpload beginUpload(String localName, long maxSize) throws FileError {
        LocalName name = LocalName.parse(localName, config);
        synchronized (lock) {
            Volume volume = volume(name.drive());
            if (volume.occupied(name.name())) {
                throw new FileError(FileErrorCode.FILE_ALREADY_EXISTS, localName);
            }
            if (maxSize < 1) {
                throw new FileError(FileErrorCode.INVALID_INPUT_VALUE, "size " + maxSize);
            }
            long free = volume.capacity() - volume.used();
            if (maxSize > free) {
                throw new FileError(FileErrorCode.DRIVE_FULL, maxSize + " bytes asked, " + Math.max(0, free) + " free");
            }
            return new StagedUpload(lock, volume.stage(), name, maxSize);
        }
    }

    /** The module reset: every AT+QFOPEN handle is lost; files stay. */
    public void closeHandles() {
        handles.closeAll();
    }

    /** Closes every {@link FileHandles} handle. Streams and uploads stay with whoever holds them. */
    @Override
    public void close() {
        handles.closeAll();
    }

    Object lock() {
        return lock;
    }

    OpenFiles openFiles() {
        return openFiles;
    }

    LocalName parse(String localName) throws FileError {
        return LocalName.parse(localName, config);
    }

    /** Must hold the lock. */
    Volume volume(Drive drive) throws FileError {
        Volume volume = volumes.get(drive);
        if (volume == null) {
            throw new FileError(FileErrorCode.INVALID_PARAMETER, "no " + drive + " drive");
        }
        return volume;
    }

    /** Opens a file whose open is already registered, unregistering it if the open fails. Must hold the lock. */
    OpenFile openOrRelease(Volume volume, LocalName name, OpenMode mode) throws FileError {
        try {
            return volume.open(name.name(), mode);
        } catch (FileError e) {
            openFiles.release(name);
            throw e;
        }
    }
}
