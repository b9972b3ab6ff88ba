package dev.qmodem.fs;

import static dev.qmodem.fs.Storages.assertFails;
import static dev.qmodem.fs.Storages.read;
import static dev.qmodem.fs.Storages.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class FileHandlesTest {

    @TempDir
    Path ufs;
    LocalStorage storage;
    FileHandles handles;

    @BeforeEach
    void setUp() throws IOException {
        storage = Storages.open(ufs, 1_000, 1_000);
        handles = storage.handles();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private String readString(int handle, int max) throws FileError {
        byte[] buffer = new byte[max];
        int count = handles.read(handle, buffer, 0, max);
        return new String(buffer, 0, count, StandardCharsets.US_ASCII);
    }

    private void writeString(int handle, String text) throws FileError {
        byte[] data = bytes(text);
        handles.write(handle, data, 0, data.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RAM:"})
    void writeSeekReadTruncate(String prefix) throws IOException {
        int handle = handles.open(prefix + "h.txt", OpenMode.CREATE_OR_OPEN);
        writeString(handle, "0123456789");

        assertThat(handles.position(handle)).isEqualTo(10);
        assertThat(handles.size(handle)).isEqualTo(10);
        assertThat(handles.seek(handle, 2, SeekOrigin.START)).isEqualTo(2);
        assertThat(readString(handle, 3)).isEqualTo("234");
        assertThat(handles.seek(handle, -1, SeekOrigin.CURRENT)).isEqualTo(4);
        assertThat(handles.remaining(handle)).isEqualTo(6);
        assertThat(handles.seek(handle, -2, SeekOrigin.END)).isEqualTo(8);
        assertThat(readString(handle, 100)).isEqualTo("89");
        assertThat(readString(handle, 100)).isEmpty();
        assertThat(handles.remaining(handle)).isZero();

        handles.seek(handle, 5, SeekOrigin.START);
        writeString(handle, "ab");
        handles.truncate(handle);
        handles.close(handle);

        assertThat(read(storage, prefix + "h.txt")).isEqualTo(bytes("01234ab"));
        assertThat(storage.driveInfo(prefix.isEmpty() ? Drive.UFS : Drive.RAM).used()).isEqualTo(7);
    }

    @Test
    void modesCreateKeepTruncateOrOnlyRead() throws IOException {
        write(storage, "m.txt", bytes("content"));

        int keep = handles.open("m.txt", OpenMode.CREATE_OR_OPEN);
        assertThat(handles.size(keep)).isEqualTo(7);
        assertThat(handles.position(keep)).isZero();
        handles.close(keep);

        int readOnly = handles.open("m.txt", OpenMode.READ_ONLY);
        assertThat(readString(readOnly, 4)).isEqualTo("cont");
        assertFails(FileErrorCode.READ_ONLY, () -> writeString(readOnly, "x"));
        assertFails(FileErrorCode.READ_ONLY, () -> handles.truncate(readOnly));
        handles.close(readOnly);

        int truncated = handles.open("m.txt", OpenMode.CREATE_OR_TRUNCATE);
        assertThat(handles.size(truncated)).isZero();
        handles.close(truncated);

        assertFails(FileErrorCode.FILE_NOT_FOUND, () -> handles.open("absent.txt", OpenMode.READ_ONLY));
        int created = handles.open("new.txt", OpenMode.CREATE_OR_OPEN);
        handles.close(created);
        assertThat(storage.list("*")).containsExactly(new FileEntry("m.txt", 0), new FileEntry("new.txt", 0));
    }

    @Test
    void handlesAreTheLowestFreeNumberFrom1027() throws IOException {
        int first = handles.open("a", OpenMode.CREATE_OR_OPEN);
        int second = handles.open("RAM:b", OpenMode.CREATE_OR_OPEN);
        assertThat(first).isEqualTo(FileHandles.FIRST_HANDLE).isEqualTo(1027);
        assertThat(second).isEqualTo(1028);

        assertThat(handles.list()).containsExactly(
                new OpenHandle(1027, "a", OpenMode.CREATE_OR_OPEN),
                new OpenHandle(1028, "RAM:b", OpenMode.CREATE_OR_OPEN));

        handles.close(first);
        assertThat(handles.open("c", OpenMode.CREATE_OR_TRUNCATE)).isEqualTo(1027);
    }

    @Test
    void limitsAndBadHandles() throws IOException {
        for (int i = 0; i < Storages.MAX_OPEN_FILES; i++) {
            handles.open("f" + i, OpenMode.CREATE_OR_OPEN);
        }
        assertFails(FileErrorCode.TOO_MANY_OPEN_FILES, () -> handles.open("another", OpenMode.CREATE_OR_OPEN));
        assertThat(storage.exists("another")).isFalse();

        handles.close(1027);
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.close(1027));
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.read(1027, new byte[1], 0, 1));
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.write(0, new byte[1], 0, 1));
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.seek(-1, 0, SeekOrigin.START));
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.position(99));
        assertFails(FileErrorCode.INVALID_DESCRIPTOR, () -> handles.truncate(99));
    }

    @Test
    void aFileOpenAnywhereCannotBeOpenedAgain() throws IOException {
        write(storage, "once.txt", bytes("x"));
        int handle = handles.open("once.txt", OpenMode.READ_ONLY);

        assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> handles.open("once.txt", OpenMode.READ_ONLY));
        assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> handles.open("UFS:once.txt", OpenMode.CREATE_OR_OPEN));
        assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> storage.openRead("once.txt", 0));
        assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> storage.createFile("once.txt"));
        assertFails(FileErrorCode.FAIL_TO_DELETE, () -> storage.delete("once.txt"));

        handles.close(handle);
        try (var in = storage.openRead("once.txt", 0)) {
            assertFails(FileErrorCode.FILE_ALREADY_OPENED, () -> handles.open("once.txt", OpenMode.READ_ONLY));
        }
        storage.delete("once.txt");
    }

    @Test
    void seekStaysWithinTheFile() throws IOException {
        int handle = handles.open("s", OpenMode.CREATE_OR_OPEN);
        writeString(handle, "abcd");

        assertFails(FileErrorCode.LARGER_THAN_FILE_SIZE, () -> handles.seek(handle, 5, SeekOrigin.START));
        assertFails(FileErrorCode.LARGER_THAN_FILE_SIZE, () -> handles.seek(handle, 1, SeekOrigin.END));
        assertFails(FileErrorCode.LARGER_THAN_FILE_SIZE, () -> handles.seek(handle, Long.MAX_VALUE, SeekOrigin.CURRENT));
        assertFails(FileErrorCode.INVALID_INPUT_VALUE, () -> handles.seek(handle, -5, SeekOrigin.END));
        assertFails(FileErrorCode.INVALID_INPUT_VALUE, () -> handles.seek(handle, Long.MIN_VALUE, SeekOrigin.CURRENT));
        assertThat(handles.position(handle)).isEqualTo(4);
        assertThat(handles.seek(handle, 4, SeekOrigin.START)).isEqualTo(4);
    }

    @Test
    void writesAreChargedToTheDriveAndRefusedWholeWhenFull() throws IOException {
        int handle = handles.open("big", OpenMode.CREATE_OR_TRUNCATE);
        byte[] block = new byte[600];
        Arrays.fill(block, (byte) 1);
        handles.write(handle, block, 0, block.length);

        assertFails(FileErrorCode.DRIVE_FULL, () -> handles.write(handle, block, 0, block.length));
        assertThat(handles.size(handle)).isEqualTo(600);

        handles.seek(handle, 0, SeekOrigin.START);
        handles.write(handle, block, 0, block.length);
        assertThat(storage.driveInfo(Drive.UFS).used()).isEqualTo(600);

        handles.seek(handle, 100, SeekOrigin.START);
        handles.truncate(handle);
        assertThat(storage.driveInfo(Drive.UFS).used()).isEqualTo(100);
        handles.write(handle, new byte[900], 0, 900);
        assertThat(storage.driveInfo(Drive.UFS).free()).isZero();
    }

    @Test
    void closingTheStorageClosesItsHandles() throws IOException {
        handles.open("x", OpenMode.CREATE_OR_OPEN);

        storage.close();

        assertThat(handles.list()).isEmpty();
        storage.delete("x");
    }

    @Test
    void modeAndOriginCodes() throws FileError {
        assertThat(OpenMode.ofCode(2)).isEqualTo(OpenMode.READ_ONLY);
        assertThat(SeekOrigin.ofCode(1)).isEqualTo(SeekOrigin.CURRENT);
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> OpenMode.ofCode(3));
        assertFails(FileErrorCode.INVALID_PARAMETER, () -> SeekOrigin.ofCode(-1));
    }
}
