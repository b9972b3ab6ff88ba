package dev.qmodem.fs;

import static dev.qmodem.fs.Storages.assertFails;
import static dev.qmodem.fs.Storages.read;
import static dev.qmodem.fs.Storages.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class LocalStorageTest {

    @TempDir
    Path base;
    Path ufs;
    LocalStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        ufs = base.resolve("ufs");
        storage = Storages.open(ufs, 10_000, 1_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void createsTheUfsDirectory() {
        assertThat(ufs).isDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UFS:", "RAM:"})
    void writesReadsSizesAndDeletesOnEachDrive(String prefix) throws IOException {
        write(storage, prefix + "a.txt", bytes("hello"));

        assertThat(storage.exists(prefix + "a.txt")).isTrue();
        assertThat(storage.size(prefix + "a.txt")).isEqualTo(5);
        assertThat(read(storage, prefix + "a.txt")).isEqualTo(bytes("hello"));

        storage.delete(prefix + "a.txt");
        assertThat(storage.exists(prefix + "a.txt")).isFalse();
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.size(prefix + "a.txt"));
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.openRead(prefix + "a.txt", 0));
        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> storage.delete(prefix + "a.txt"));
    }

    @Test
    void ufsPrefixAndBareNameAreTheSameFile() throws IOException {
        write(storage, "UFS:same.txt", bytes("x"));

        assertThat(storage.exists("same.txt")).isTrue();
        assertThat(ufs.resolve("same.txt")).hasContent("x");
    }

    @Test
    void listsEachDriveWithItsDisplayNames() throws IOException {
        write(storage, "b.txt", bytes("bb"));
        write(storage, "a.txt", bytes("a"));
        write(storage, "RAM:r.bin", bytes("rrr"));

        assertThat(storage.list("*")).containsExactly(new FileEntry("a.txt", 1), new FileEntry("b.txt", 2));
        assertThat(storage.list("UFS:*")).isEqualTo(storage.list("*"));
        assertThat(storage.list("RAM:*")).containsExactly(new FileEntry("RAM:r.bin", 3));
        assertThat(storage.list("b.txt")).containsExactly(new FileEntry("b.txt", 2));
        assertThat(storage.list("?.t*")).hasSize(2);
        assertThat(storage.list("missing.txt")).isEmpty();
    }

    @Test
    void deleteWithWildcardsDeletesOnlyOnThatDrive() throws IOException {
        write(storage, "a.txt", bytes("a"));
        write(storage, "b.log", bytes("b"));
        write(storage, "RAM:c.txt", bytes("c"));

        assertThat(storage.delete("*.txt")).isEqualTo(1);
        assertThat(storage.list("*")).extracting(FileEntry::displayName).containsExactly("b.log");
        assertThat(storage.delete("*")).isEqualTo(1);
        assertThat(storage.list("*")).isEmpty();
        assertThat(storage.delete("*")).isZero();
        assertThat(storage.list("RAM:*")).extracting(FileEntry::displayName).containsExactly("RAM:c.txt");
        assertThat(storage.delete("RAM:*")).isEqualTo(1);
        assertThat(storage.list("RAM:*")).isEmpty();
    }

    @Test
    void openReadStartsAtTheOffset() throws IOException {
        write(storage, "f.txt", bytes("0123456789"));

        try (InputStream in = storage.openRead("f.txt", 4)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("456789"));
        }
        try (InputStream in = storage.openRead("f.txt", 10)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertFails(FileErrorCode.LARGER_THAN_FILE_SIZE, () -> storage.openRead("f.txt", 11));
        assertFails(FileErrorCode.INVALID_INPUT_VALUE, () -> storage.openRead("f.txt", -1));
    }

    @Test
    void createFileTruncatesAndWritesThrough() throws IOException {
        write(storage, "d.bin", bytes("old content that is long"));

        try (OutputStream out = storage.createFile("d.bin")) {
            assertThat(storage.size("d.bin")).isZero();
            out.write(bytes("new"));
            // a download that stops here must leave exactly what arrived
            assertThat(storage.size("d.bin")).isEqualTo(3);
            assertThat(ufs.resolve("d.bin")).hasContent("new");
        }
    }

    @Test
    void readersShareButAWriterIsExclusive() throws IOException {
        write(storage, "s.txt", bytes("abc"));

        try (InputStream first = storage.openRead("s.txt", 0); InputStream second = storage.openRead("s.txt", 1)) {
            assertThat(second.readAllBytes()).isEqualTo(bytes("bc"));
            assertThat(first.readAllBytes()).isEqualTo(bytes("abc"));
            assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> storage.createFile("s.txt"));
            assertFails(FileErrorCode.FAIL_TO_DELETE, () -> storage.delete("s.txt"));
            assertFails(FileErrorCode.FAIL_TO_DELETE, () -> storage.delete("*"));
        }
        try (OutputStream out = storage.createFile("s.txt")) {
            assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> storage.openRead("s.txt", 0));
            assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> storage.createFile("s.txt"));
        }
        storage.delete("s.txt");
    }

    @Test
    void aNewStorageOnTheSameDirectorySeesTheFiles() throws IOException {
        write(storage, "keep.txt", bytes("persistent"));
        write(storage, "RAM:lost.txt", bytes("volatile"));
        storage.close();

        LocalStorage reopened = Storages.open(ufs, 10_000, 1_000);

        assertThat(reopened.list("*")).containsExactly(new FileEntry("keep.txt", 10));
        assertThat(read(reopened, "keep.txt")).isEqualTo(bytes("persistent"));
        assertThat(reopened.list("RAM:*")).isEmpty();
        assertThat(reopened.driveInfo(Drive.UFS)).isEqualTo(new DriveInfo(10_000, 10, 1));
    }

    @Test
    void driveInfoReportsCapacityUseAndCount() throws IOException {
        write(storage, "a", new byte[100]);
        write(storage, "b", new byte[50]);
        write(storage, "RAM:c", new byte[30]);

        assertThat(storage.driveInfo(Drive.UFS)).isEqualTo(new DriveInfo(10_000, 150, 2));
        assertThat(storage.driveInfo(Drive.UFS).free()).isEqualTo(9_850);
        assertThat(storage.driveInfo(Drive.RAM)).isEqualTo(new DriveInfo(1_000, 30, 1));

        storage.delete("a");
        write(storage, "b", new byte[10]);
        assertThat(storage.driveInfo(Drive.UFS)).isEqualTo(new DriveInfo(10_000, 10, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UFS:", "RAM:"})
    void aWriteThatDoesNotFitFailsWholeAndLeavesOtherFilesIntact(String prefix) throws IOException {
        long capacity = storage.driveInfo(prefix.equals("RAM:") ? Drive.RAM : Drive.UFS).total();
        byte[] existing = new byte[(int) capacity - 300];
        existing[0] = 42;
        write(storage, prefix + "existing", existing);

        try (OutputStream out = storage.createFile(prefix + "download")) {
            out.write(new byte[200]);
            assertFails(FileErrorCode.DRIVE_FULL, () -> out.write(new byte[101]));
            assertThat(storage.size(prefix + "download")).isEqualTo(200);
            out.write(new byte[100]);
            assertFails(FileErrorCode.DRIVE_FULL, () -> out.write(1));
        }

        assertThat(storage.size(prefix + "download")).isEqualTo(300);
        assertThat(read(storage, prefix + "existing")).isEqualTo(existing);
        assertThat(storage.driveInfo(prefix.equals("RAM:") ? Drive.RAM : Drive.UFS).free()).isZero();

        storage.delete(prefix + "download");
        write(storage, prefix + "again", new byte[300]);
    }

    @Test
    void aDownloadInOneThreadAndListingInAnotherSeeConsistentSizes() throws Exception {
        int blocks = 200;
        Thread downloader = new Thread(() -> {
            try (OutputStream out = storage.createFile("RAM:live.bin")) {
                for (int i = 0; i < blocks; i++) {
                    out.write(new byte[5]);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        downloader.start();
        long lastSize = 0;
        while (downloader.isAlive()) {
            for (FileEntry entry : storage.list("RAM:*")) {
                assertThat(entry.size() % 5).isZero();
                assertThat(entry.size()).isGreaterThanOrEqualTo(lastSize);
                lastSize = entry.size();
            }
        }
        downloader.join();

        assertThat(storage.size("RAM:live.bin")).isEqualTo(5L * blocks);
    }

    @Test
    void noRamDriveUnlessConfigured() throws IOException {
        LocalStorage bg95 = Storages.open(base.resolve("bg95"), 10_000, 0);

        assertThat(bg95.hasDrive(Drive.RAM)).isFalse();
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.createFile("RAM:x"));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.openRead("RAM:x", 0));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.list("RAM:*"));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.delete("RAM:*"));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.beginUpload("RAM:x", 10));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.handles().open("RAM:x", OpenMode.CREATE_OR_OPEN));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.driveInfo(Drive.RAM));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> bg95.checkName("RAM:x"));
    }
}
