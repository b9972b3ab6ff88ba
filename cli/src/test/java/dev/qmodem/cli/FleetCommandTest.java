package dev.qmodem.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem fleet} as a process: one ready line once every module listens, then hosts on each. */
class FleetCommandTest {

    private static final Pattern TCP_ENDPOINT = Pattern.compile("tcp://127\\.0\\.0\\.1:(\\d+)");

    @Test
    @Timeout(60)
    void printsOneReadyLineAndServesEveryModuleAsItsModel(@TempDir Path temp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process fleet = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QModemCommand.class.getName(), "fleet", "--count", "3", "--model", "uc20:1,bg77:2",
                "--listen", "127.0.0.1:0", "--ufs-root", temp.resolve("ufs").toString(),
                "--ftp-root", temp.resolve("ftp").toString(), "--ftp-port", "0", "--ftps-port", "0",
                "--ftps-implicit-port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertThat(ready).contains("fleet of 3").contains("ready").contains("ftp://test:test@127.0.0.1:");
            Matcher endpoint = TCP_ENDPOINT.matcher(ready);
            assertThat(endpoint.find()).isTrue();
            try (Socket host = new Socket("127.0.0.1", Integer.parseInt(endpoint.group(1)))) {
                host.getOutputStream().write("AT+GMM\r".getBytes(StandardCharsets.US_ASCII));
                byte[] expected = "AT+GMM\r\r\nUC20\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(new String(host.getInputStream().readNBytes(expected.length), StandardCharsets.US_ASCII))
                        .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
            }
            assertThat(Files.isDirectory(temp.resolve("ufs").resolve("2"))).isTrue();
            assertThat(Files.isDirectory(temp.resolve("ftp"))).as("--ftp-root").isTrue();
            fleet.destroy();
            assertThat(fleet.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            fleet.destroyForcibly();
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
