package dev.qmodem.fs;

import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** The RAM drive: files held in memory, gone with the {@link LocalStorage} that holds them. */
final class MemoryVolume extends Volume {

    private final SortedMap<String, RamFile> files = new TreeMap<>();

    MemoryVolume(long capacity) {
        super(capacity);
    }

    @Override
    SortedMap<String, Long> files() {
        SortedMap<String, Long> sizes = new TreeMap<>();
        for (Map.Entry<String, RamFile> file : files.entrySet()) {
            sizes.put(file.getKey(), (long) file.getValue().length());
        }
        return sizes;
    }

    @Override
    OptionalLong size(String name) {
        RamFile file = files.get(name);
        return file == null ? OptionalLong.empty() : OptionalLong.of(file.length());
    }

    @Override
    boolean occupied(String name) {
        return files.containsKey(name);
    }

    @Override
    OpenFile open(String name, OpenMode mode) throws FileError {
        RamFile file = files.get(name);
        if (file == null) {
            if (mode == OpenMode.READ_ONLY) {
                throw new FileError(FileErrorCode.FILE_NOT_FOUND, Drive.RAM.displayName(name));
            }
            file = new RamFile();
            files.put(name, file);
        } else if (mode == OpenMode.CREATE_OR_TRUNCATE) {
            release(file.length());
            file = new RamFile();
            files.put(name, file);
        }
        return new OpenFile(this, file.channel(mode != OpenMode.READ_ONLY));
    }

    @Override
    void delete(String name) throws FileError {
        RamFile file = files.remove(name);
        if (file == null) {
            throw new FileError(FileErrorCode.FILE_NOT_FOUND, Drive.RAM.displayName(name));
        }
        release(file.length());
    }

    @Override
    Staged stage() {
        RamFile file = new RamFile();
        OpenFile open = new OpenFile(this, file.channel(true));
        return new Staged() {
            @Override
            public OpenFile file() {
                return open;
            }

            @Override
            public void publish(String name) throws FileError {
                if (files.containsKey(name)) {
                    discard();
                    throw new FileError(FileErrorCode.FILE_ALREADY_EXISTS, Drive.RAM.displayName(name));
                }
                files.put(name, file);
            }

            @Override
            public void discard() {
                release(file.length());
            }
        };
    }
}
