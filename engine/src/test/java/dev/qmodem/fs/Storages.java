package dev.qmodem.fs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers: storages on a temp directory, whole-file writes and reads, error code assertions. */
final class Storages {

    static final int MAX_OPEN_FILES = 3;

    private Storages() {
    }

    static LocalStorage open(Path ufs, long ufsCapacity, long ramCapacity) throws IOException {
        return new LocalStorage(new StorageConfig(ufs, ufsCapacity, ramCapacity, 60, MAX_OPEN_FILES));
    }

    static void write(LocalStorage storage, String name, byte[] content) throws IOException {
        try (OutputStream out = storage.createFile(name)) {
            out.write(content);
        }
    }

    static byte[] read(LocalStorage storage, String name) throws IOException {
        try (InputStream in = storage.openRead(name, 0)) {
            return in.readAllBytes();
        }
    }

    static void assertFails(FileErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(FileError.class)
                .extracting(e -> ((FileError) e).code()).isEqualTo(code);
    }
}
