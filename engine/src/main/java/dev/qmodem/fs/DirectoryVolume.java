package dev.qmodem.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The UFS drive: the regular files directly inside one directory. Symbolic links, subdirectories and
 * entries whose names break the naming rules are invisible and never opened; links are never followed.
 * Space used is counted in memory and recounted from the directory on every listing, so files dropped
 * in by hand are accounted for from the next {@code AT+QFLST} or {@code AT+QFLDS} on.
 */
final class DirectoryVolume extends Volume {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final int maxNameLength;

    /** Opens the directory, creating it if missing, and deletes uploads a crash left behind. */
    DirectoryVolume(Path directory, long capacity, int maxNameLength) throws IOException {
        super(capacity);
        Files.createDirectories(directory);
        this.root = directory.toRealPath();
        this.maxNameLength = maxNameLength;
        deleteStaleUploads();
        files(); // counts the space in use
    }

    private void deleteStaleUploads() throws IOException {
        // a filter, not a glob: a glob compiles a pattern, once per module of a fleet
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(root,
                entry -> entry.getFileName().toString().startsWith(Names.STAGING_PREFIX))) {
            for (Path entry : stale) {
                Files.deleteIfExists(entry);
            }
        }
    }

    @Override
    SortedMap<String, Long> files() throws FileError {
        SortedMap<String, Long> files = new TreeMap<>();
        long used = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = attributes(entry);
                if (attributes == null || !attributes.isRegularFile()) {
                    continue;
                }
                used += attributes.size();
                String name = entry.getFileName().toString();
                if (Names.isValid(name, maxNameLength, false)) {
                    files.put(name, attributes.size());
                }
            }
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_LIST, e);
        }
        setUsed(used);
        return files;
    }

    /** The entry's own attributes (a link's, not its target's); null if it is gone. */
    private static BasicFileAttributes attributes(Path entry) throws IOException {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    OptionalLong size(String name) throws FileError {
        try {
            BasicFileAttributes attributes = attributes(path(name));
            return attributes != null && attributes.isRegularFile()
                    ? OptionalLong.of(attributes.size()) : OptionalLong.empty();
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
    }

    @Override
    boolean occupied(String name) throws FileError {
        return Files.exists(path(name), NOFOLLOW);
    }

    /** Checked again here although names are validated: the result must be a direct child of the root. */
    private Path path(String name) throws FileError {
        try {
            Path path = root.resolve(name);
            if (!root.equals(path.getParent()) || !path.getFileName().toString().equals(name)) {
                throw new FileError(FileErrorCode.INVALID_FILE_NAME, LocalName.printable(name));
            }
            return path;
        } catch (InvalidPathException e) {
            throw new FileError(FileErrorCode.INVALID_FILE_NAME, e);
        }
    }

    @Override
    OpenFile open(String name, OpenMode mode) throws FileError {
        Path path = path(name);
        OptionalLong existing = size(name);
        if (existing.isEmpty()) {
            if (mode == OpenMode.READ_ONLY) {
                throw new FileError(FileErrorCode.FILE_NOT_FOUND, name);
            }
            if (occupied(name)) {
                // a link, directory, FIFO...: opening it could follow it or block
                throw new FileError(FileErrorCode.FAIL_TO_OPEN, name + " is not a regular file");
            }
        }
        Set<OpenOption> options = switch (mode) {
            case READ_ONLY -> Set.of(StandardOpenOption.READ, NOFOLLOW);
            case CREATE_OR_OPEN -> Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE, NOFOLLOW);
            case CREATE_OR_TRUNCATE -> Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, NOFOLLOW);
        };
        FileChannel channel;
        try {
            channel = FileChannel.open(path, options);
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_OPEN, e);
        }
        if (mode == OpenMode.CREATE_OR_TRUNCATE) {
            release(existing.orElse(0));
        }
        return new OpenFile(this, channel);
    }

    @Override
    void delete(String name) throws FileError {
        long size = size(name).orElseThrow(() -> new FileError(FileErrorCode.FILE_NOT_FOUND, name));
        try {
            Files.delete(path(name));
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_DELETE, e);
        }
        release(size);
    }

    @Override
    Staged stage() throws FileError {
        Path temp;
        FileChannel channel;
        try {
            temp = Files.createTempFile(root, Names.STAGING_PREFIX, ".tmp");
            channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE, NOFOLLOW);
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_OPEN, e);
        }
        return new StagedFile(temp, channel);
    }

    private final class StagedFile implements Staged {

        private final Path temp;
        private final FileChannel channel;
        private final OpenFile file;

        StagedFile(Path temp, FileChannel channel) {
            this.temp = temp;
            this.channel = channel;
            this.file = new OpenFile(DirectoryVolume.this, channel);
        }

        @Override
        public OpenFile file() {
            return file;
        }

        @Override
        public void publish(String name) throws FileError {
            try {
                Path target = path(name);
                if (Files.exists(target, NOFOLLOW)) {
                    throw new FileAlreadyExistsException(name);
                }
                // on disk before it has a name, so that not even a power cut leaves a torn file under it
                channel.force(true);
                channel.close();
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                discard();
                throw new FileError(FileErrorCode.FILE_ALREADY_EXISTS, name);
            } catch (IOException e) {
                discard();
                throw new FileError(FileErrorCode.FAIL_TO_WRITE, e);
            }
        }

        @Override
        public void discard() {
            long size = 0;
            try {
                size = channel.isOpen() ? channel.size() : Files.size(temp);
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // left for the cleanup at the next start
            }
            release(size);
        }
    }
}
