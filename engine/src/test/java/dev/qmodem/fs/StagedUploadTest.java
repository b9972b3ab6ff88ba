package dev.qmodem.fs;

import static dev.qmodem.fs.Storages.assertFails;
import static dev.qmodem.fs.Storages.read;
import static dev.qmodem.fs.Storages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class StagedUploadTest {

    @TempDir
    Path ufs;
    LocalStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        storage = Storages.open(ufs, 1_000, 500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RAM:"})
    void theNameShowsNothingUntilCommit(String prefix) throws IOException {
        StagedUpload upload = storage.beginUpload(prefix + "up.bin", 100);
        upload.write(new byte[] {1, 2, 3}, 0, 3);
        upload.write(new byte[] {9, 4, 5, 9}, 1, 2);

        assertThat(upload.size()).isEqualTo(5);
        assertThat(storage.exists(prefix + "up.bin")).isFalse();
        assertThat(storage.list(prefix + "*")).isEmpty();
        assertThat(storage.driveInfo(prefix.isEmpty() ? Drive.UFS : Drive.RAM).used()).isEqualTo(5);

        upload.commit();

        assertThat(storage.list(prefix + "*")).containsExactly(new FileEntry(prefix + "up.bin", 5));
        assertThat(read(storage, prefix + "up.bin")).containsExactly(1, 2, 3, 4, 5);
        assertThat(upload.displayName()).isEqualTo(prefix + "up.bin");
        assertThatThrownBy(() -> upload.write(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RAM:"})
    void abortLeavesNothing(String prefix) throws IOException {
        StagedUpload upload = storage.beginUpload(prefix + "gone.bin", 100);
        upload.write(new byte[50], 0, 50);

        upload.abort();
        upload.abort();

        assertThat(storage.list(prefix + "*")).isEmpty();
        assertThat(storage.driveInfo(prefix.isEmpty() ? Drive.UFS : Drive.RAM).used()).isZero();
        if (prefix.isEmpty()) {
            try (Stream<Path> files = Files.list(ufs)) {
                assertThat(files).isEmpty();
            }
        }
        assertThatThrownBy(upload::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUploadCutShortByACrashLeavesNoFileAndIsCleanedAtStart() throws IOException {
        StagedUpload upload = storage.beginUpload("torn.bin", 100);
        upload.write(new byte[40], 0, 40);
        // the process dies here: the next start must not show torn.bin nor the temp file
        Files.writeString(ufs.resolve(".qmodem-upload-123.tmp"), "older leftover");

        LocalStorage restarted = Storages.open(ufs, 1_000, 500);

        assertThat(restarted.list("*")).isEmpty();
        assertThat(restarted.driveInfo(Drive.UFS)).isEqualTo(new DriveInfo(1_000, 0, 0));
        try (Stream<Path> files = Files.list(ufs)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingNameIsRefused() throws IOException {
        write(storage, "taken.txt", new byte[] {7});
        write(storage, "RAM:taken.txt", new byte[] {7});

        assertFails(FileErrorCode.FILE_ALREADY_EXISTS, () -> storage.beginUpload("taken.txt", 10));
        assertFails(FileErrorCode.FILE_ALREADY_EXISTS, () -> storage.beginUpload("RAM:taken.txt", 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RAM:"})
    void aNameTakenDuringTheUploadWinsAndTheUploadIsDropped(String prefix) throws IOException {
        StagedUpload upload = storage.beginUpload(prefix + "race.txt", 10);
        upload.write(new byte[] {1, 2}, 0, 2);
        write(storage, prefix + "race.txt", new byte[] {7});

        assertFails(FileErrorCode.FILE_ALREADY_EXISTS, upload::commit);

        assertThat(read(storage, prefix + "race.txt")).containsExactly(7);
        assertThat(storage.driveInfo(prefix.isEmpty() ? Drive.UFS : Drive.RAM).used()).isEqualTo(1);
    }

    @Test
    void sizeAndSpaceLimits() throws IOException {
        assertFails(FileErrorCode.INVALID_INPUT_VALUE, () -> storage.beginUpload("zero", 0));
        assertFails(FileErrorCode.DRIVE_FULL, () -> storage.beginUpload("huge", 1_001));

        StagedUpload upload = storage.beginUpload("limited", 10);
        upload.write(new byte[8], 0, 8);
        assertFails(FileErrorCode.FILE_TOO_LARGE, () -> upload.write(new byte[3], 0, 3));
        upload.write(new byte[2], 0, 2);
        upload.commit();

        assertThat(storage.size("limited")).isEqualTo(10);
    }

    @Test
    void aDriveFilledDuringTheUploadRefusesTheWriteButKeepsTheUpload() throws IOException {
        StagedUpload upload = storage.beginUpload("up", 500);
        upload.write(new byte[100], 0, 100);
        write(storage, "filler", new byte[850]);

        assertFails(FileErrorCode.DRIVE_FULL, () -> upload.write(new byte[100], 0, 100));
        upload.write(new byte[50], 0, 50);
        upload.commit();

        assertThat(storage.size("up")).isEqualTo(150);
        assertThat(storage.size("filler")).isEqualTo(850);
        assertThat(storage.driveInfo(Drive.UFS).free()).isZero();
    }
}
