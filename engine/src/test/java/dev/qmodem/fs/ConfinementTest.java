package dev.qmodem.fs;

import static dev.qmodem.fs.Storages.assertFails;
import static dev.qmodem.fs.Storages.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing outside the UFS directory is ever read or written, whatever the name. */
@Timeout(10)
class ConfinementTest {

    @TempDir
    Path base;
    Path ufs;
    Path secret;
    LocalStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        ufs = base.resolve("ufs");
        secret = base.resolve("secret.txt");
        Files.writeString(secret, "secret");
        storage = Storages.open(ufs, 10_000, 1_000);
    }

    static Stream<String> hostileNames() {
        return Stream.of("../secret.txt", "UFS:../secret.txt", "RAM:../secret.txt", "a/../../secret.txt",
                "/etc/passwd", "./../secret.txt", "UFS:..", "..", ".", "", "ufs/../secret.txt",
                "..\\secret.txt", "secret.txt\u0000", "x\u0000/../../secret.txt", "x".repeat(61),
                "x".repeat(5000), ".qmodem-upload-x.tmp", "%2e%2e/secret.txt");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void everyOperationRefusesTheName(String name) throws IOException {
        List<ThrowingOperation> operations = List.of(
                () -> storage.openRead(name, 0),
                () -> storage.createFile(name),
                () -> storage.size(name),
                () -> storage.exists(name),
                () -> storage.delete(name),
                () -> storage.list(name),
                () -> storage.beginUpload(name, 10),
                () -> storage.handles().open(name, OpenMode.CREATE_OR_OPEN),
                () -> storage.handles().open(name, OpenMode.CREATE_OR_TRUNCATE),
                () -> storage.handles().open(name, OpenMode.READ_ONLY),
                () -> storage.checkName(name));
        for (ThrowingOperation operation : operations) {
            assertFails(FileErrorCode.INVALID_FILE_NAME, operation::run);
        }

        assertOutsideUntouched();
        try (Stream<Path> inside = Files.list(ufs)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aPlantedSymlinkIsNeverFollowed() throws IOException {
        Files.createSymbolicLink(ufs.resolve("link"), secret);
        Files.createSymbolicLink(ufs.resolve("dirlink"), base);
        Files.createDirectory(ufs.resolve("subdir"));
        write(storage, "plain.txt", new byte[] {1});

        assertThat(storage.list("*")).containsExactly(new FileEntry("plain.txt", 1));
        assertThat(storage.driveInfo(Drive.UFS).used()).isEqualTo(1);
        assertThat(storage.exists("link")).isFalse();
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.openRead("link", 0));
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.size("link"));
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.delete("link"));
        assertFails(FileErrorCode.FAIL_TO_OPEN, () -> storage.createFile("link"));
        assertFails(FileErrorCode.FAIL_TO_OPEN, () -> storage.handles().open("link", OpenMode.CREATE_OR_OPEN));
        assertFails(FileErrorCode.FAIL_TO_OPEN, () -> storage.handles().open("link", OpenMode.CREATE_OR_TRUNCATE));
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.handles().open("link", OpenMode.READ_ONLY));
        assertFails(FileErrorCode.FILE_ALREADY_EXISTS, () -> storage.beginUpload("link", 10));
        assertFails(FileErrorCode.FAIL_TO_OPEN, () -> storage.createFile("subdir"));
        assertThat(storage.delete("*")).isEqualTo(1);

        assertThat(storage.handles().list()).isEmpty();
        assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(ufs.resolve("link"))).isTrue();
    }

    @Test
    void aLinkSwappedInDuringAnUploadIsNotReplacedOrFollowed() throws IOException {
        StagedUpload upload = storage.beginUpload("target", 10);
        upload.write(new byte[] {1, 2}, 0, 2);
        Files.createSymbolicLink(ufs.resolve("target"), secret);

        assertFails(FileErrorCode.FILE_ALREADY_EXISTS, upload::commit);

        assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(ufs.resolve("target"))).isTrue();
    }

    private void assertOutsideUntouched() throws IOException {
        assertThat(secret).hasContent("secret");
        try (Stream<Path> outside = Files.list(base)) {
            assertThat(outside).containsExactlyInAnyOrder(ufs, secret);
        }
    }

    @FunctionalInterface
    interface ThrowingOperation {
        void run() throws Exception;
    }
}
