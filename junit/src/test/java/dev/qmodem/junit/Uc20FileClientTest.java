package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.Modem;
import dev.qmodem.client.file.LocalFile;
import dev.qmodem.profile.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The file client against a UC20, which also has a RAM drive: the documents' RAM: examples. */
@QModemTest(model = Model.UC20)
class Uc20FileClientTest extends FileClientEndToEnd {

    @Test
    void movesRamFilesToTheServerAndBack(Modem modem, FtpServerInfo ftp, @FtpRoot Path root) throws IOException {
        byte[] file = Arrays.copyOf(AWKWARD_BYTES, 1000);
        modem.files().upload("RAM:test_ram.txt", file);
        assertThat(modem.files().list("RAM:*")).containsExactly(new LocalFile("RAM:test_ram.txt", 1000));
        FtpClientEndToEnd.login(modem, ftp);
        assertThat(modem.ftp().putLocal("test_my1.txt", "RAM:test_ram.txt", 0)).isEqualTo(1000);
        assertThat(root.resolve("test_my1.txt")).hasBinaryContent(file);
        modem.files().delete("RAM:test_ram.txt");
        assertThat(modem.ftp().getLocal("test_my1.txt", "RAM:test.txt", 0)).isEqualTo(1000);
        assertThat(modem.ftp().getLocal("test_my1.txt", "RAM:test1.txt", 450)).isEqualTo(550);
        assertThat(modem.files().list("RAM:*")).containsExactlyInAnyOrder(new LocalFile("RAM:test.txt", 1000),
                new LocalFile("RAM:test1.txt", 550));
        assertThat(modem.files().download("RAM:test1.txt")).isEqualTo(Arrays.copyOfRange(file, 450, 1000));
    }
}
