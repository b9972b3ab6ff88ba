package dev.qmodem.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem serve} as a process: the ready line, a host over TCP, and a clean stop on SIGTERM. */
class ServeCommandTest {

    private static final Pattern TCP_ENDPOINT = Pattern.compile("tcp://127\\.0\\.0\\.1:(\\d+)");

    @Test
    @Timeout(60)
    void printsReadyServesAHostAndStopsOnSigterm(@TempDir Path ufs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QModemCommand.class.getName(), "serve", "--model", "uc20", "--listen", "127.0.0.1:0",
                "--ufs", ufs.toString(), "--ftp-port", "0", "--ftps-port", "0", "--ftps-implicit-port", "0",
                "--control", "127.0.0.1:0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertThat(ready).contains("ready").contains("UC20").contains("ftp://test:test@127.0.0.1:")
                    .containsPattern("control:http://127\\.0\\.0\\.1:[1-9]");
            Matcher endpoint = TCP_ENDPOINT.matcher(ready);
            assertThat(endpoint.find()).isTrue();
            try (Socket host = new Socket("127.0.0.1", Integer.parseInt(endpoint.group(1)))) {
                host.getOutputStream().write("AT+GMM\r".getBytes(StandardCharsets.US_ASCII));
                byte[] expected = "AT+GMM\r\r\nUC20\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(new String(host.getInputStream().readNBytes(expected.length), StandardCharsets.US_ASCII))
                        .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
            }
            serve.destroy();
            assertThat(serve.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isIn(0, 143);
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void refusesTwoLinePipesAtOnceBeforeStartingAnything() {
        int exit = new picocli.CommandLine(new QModemCommand()).execute("serve", "--stdio", "--pty", "/tmp/x",
                "--no-ftp-server");
        assertThat(exit).isEqualTo(2);
    }
}
