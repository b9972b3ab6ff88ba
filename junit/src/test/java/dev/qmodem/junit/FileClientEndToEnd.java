package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qmodem.client.Modem;
import dev.qmodem.client.at.ModemException;
import dev.qmodem.client.file.FileHandle;
import dev.qmodem.client.file.FileTransfer;
import dev.qmodem.client.file.LocalFile;
import dev.qmodem.client.file.OpenMode;
import dev.qmodem.client.file.StorageSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The file client against the real qmodem: AT+QFUPL/QFDWL with every byte value, listings, deletion, handles, and
 * the documents' way of moving a module file to and from the FTP server. One subclass per model.
 */
@Timeout(30)
abstract class FileClientEndToEnd {

    static final byte[] AWKWARD_BYTES = FtpClientEndToEnd.AWKWARD_BYTES;

    @Test
    void uploadsListsDownloadsAndDeletes(Modem modem, @Ufs Path ufs) throws IOException {
        StorageSpace empty = modem.files().space("UFS");
        assertThat(empty.free()).isPositive().isEqualTo(empty.total());

        FileTransfer upload = modem.files().upload("test1.txt", AWKWARD_BYTES);
        assertThat(upload.length()).isEqualTo(AWKWARD_BYTES.length);
        assertThat(ufs.resolve("test1.txt")).hasBinaryContent(AWKWARD_BYTES);
        assertThat(modem.files().list("*")).containsExactly(new LocalFile("test1.txt", AWKWARD_BYTES.length));
        assertThat(modem.files().space("UFS").free()).isLessThan(empty.free());

        assertThat(modem.files().download("test1.txt")).isEqualTo(AWKWARD_BYTES);

        modem.files().delete("test1.txt");
        assertThat(modem.files().list()).isEmpty();
        assertThat(ufs).isEmptyDirectory();
    }

    @Test
    void readsWritesSeeksAndTruncatesThroughAHandle(Modem modem, @Ufs Path ufs) throws IOException {
        byte[] head = Arrays.copyOf(AWKWARD_BYTES, 2000);
        try (FileHandle file = modem.files().open("handle.bin", OpenMode.CREATE_OR_TRUNCATE)) {
            assertThat(file.write(head)).isEqualTo(2000);
            assertThat(file.position()).isEqualTo(2000);
            file.seek(250, FileHandle.Whence.START);
            assertThat(file.read(20)).isEqualTo(Arrays.copyOfRange(head, 250, 270));
            assertThat(file.position()).isEqualTo(270);
            file.seek(-1000, FileHandle.Whence.END);
            file.truncate();
        }
        assertThat(ufs.resolve("handle.bin")).hasBinaryContent(Arrays.copyOf(head, 1000));
        try (FileHandle file = modem.files().open("handle.bin", OpenMode.READ_ONLY)) {
            file.seek(990, FileHandle.Whence.START);
            assertThat(file.read(100)).isEqualTo(Arrays.copyOfRange(head, 990, 1000));
            assertThat(file.read(100)).isEmpty();
        }
    }

    @Test
    void movesAModuleFileToTheServerAndBack(Modem modem, FtpServerInfo ftp, @FtpRoot Path root) throws IOException {
        byte[] file = Arrays.copyOf(AWKWARD_BYTES, 1000);
        modem.files().upload("test1.txt", file);
        FtpClientEndToEnd.login(modem, ftp);
        assertThat(modem.ftp().putLocal("test_my1.txt", "test1.txt", 0)).isEqualTo(1000);
        assertThat(root.resolve("test_my1.txt")).hasBinaryContent(file);
        assertThat(modem.ftp().getLocal("test_my1.txt", "test2.txt", 450)).isEqualTo(550);
        assertThat(modem.files().list("test2.txt")).containsExactly(new LocalFile("test2.txt", 550));
        assertThat(modem.files().download("test2.txt")).isEqualTo(Arrays.copyOfRange(file, 450, 1000));
    }

    @Test
    void refusesAMissingFile(Modem modem) {
        assertThatThrownBy(() -> modem.files().download("missing.txt")).isInstanceOf(ModemException.class);
        assertThatThrownBy(() -> modem.files().open("missing.txt", OpenMode.READ_ONLY))
                .isInstanceOfSatisfying(ModemException.class, e -> assertThat(e.error()).isEqualTo(405));
        assertThatThrownBy(() -> modem.files().delete("missing.txt"))
                .isInstanceOfSatisfying(ModemException.class, e -> assertThat(e.error()).isEqualTo(405));
    }

    @Test
    void keepsTheUfsFolderAsTheModulesFlash(Modem modem, @Ufs Path ufs) throws IOException {
        Files.write(ufs.resolve("placed.txt"), new byte[] {1, 2, 3});
        assertThat(modem.files().list()).containsExactly(new LocalFile("placed.txt", 3));
        assertThat(modem.files().download("placed.txt")).containsExactly(1, 2, 3);
    }
}
