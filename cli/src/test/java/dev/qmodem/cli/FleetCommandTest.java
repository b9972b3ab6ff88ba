package dev.qmodem.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem fleet} as a process: one ready line once every module listens, then hosts on each. */
class FleetCommandTest {

    @Test
    @Timeout(60)
    void printsOneReadyLineAndServesEveryModuleAsItsModel(@TempDir Path temp) throws Exception {
        try (QModemProcess fleet = QModemProcess.start("fleet", "--count", "3", "--model", "uc20:1,bg77:2",
                "--listen", "127.0.0.1:0", "--ufs-root", temp.resolve("ufs").toString(),
                "--ftp-root", temp.resolve("ftp").toString(), "--ftp-port", "0", "--ftps-port", "0",
                "--ftps-implicit-port", "0")) {
            assertThat(fleet.readyLine()).contains("fleet of 3").contains("ready").contains("ftp://test:test@127.0.0.1:");
            try (Socket host = new Socket("127.0.0.1", fleet.firstTcpPort())) {
                host.getOutputStream().write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
                InputStream in = host.getInputStream();
                assertThat(new String(in.readNBytes("ATE0\r\r\nOK\r\n".length()), StandardCharsets.US_ASCII))
                        .endsWith("OK\r\n");
                host.getOutputStream().write("AT+GMM\r".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(in.readNBytes("\r\nUC20\r\n".length()), StandardCharsets.US_ASCII))
                        .isEqualTo("\r\nUC20\r\n");
            }
            assertThat(Files.isDirectory(temp.resolve("ufs").resolve("2"))).isTrue();
            assertThat(Files.isDirectory(temp.resolve("ftp"))).as("--ftp-root").isTrue();
            assertThat(fleet.terminate(20)).isNotNull();
        }
    }

    @Test
    @Timeout(30)
    void aMixThatDoesNotAddUpIsAUsageError() {
        int exit = new picocli.CommandLine(new QModemCommand()).execute("fleet", "--count", "3", "--model",
                "BG95:1,UC20:1", "--no-ftp-server");
        assertThat(exit).isEqualTo(2);
    }
}
