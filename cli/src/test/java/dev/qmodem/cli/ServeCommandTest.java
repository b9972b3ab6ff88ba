package dev.qmodem.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem serve} as a process: the ready line, a host over TCP, and a clean stop on SIGTERM. */
class ServeCommandTest {

    @Test
    @Timeout(60)
    void printsReadyServesAHostAndStopsOnSigterm(@TempDir Path ufs) throws Exception {
        try (QModemProcess serve = QModemProcess.start("serve", "--model", "uc20", "--listen", "127.0.0.1:0",
                "--ufs", ufs.toString(), "--ftp-port", "0", "--ftps-port", "0", "--ftps-implicit-port", "0",
                "--control", "127.0.0.1:0")) {
            assertThat(serve.readyLine()).contains("ready").contains("UC20").contains("ftp://test:test@127.0.0.1:")
                    .containsPattern("control:http://127\\.0\\.0\\.1:[1-9]");
            try (Socket host = new Socket("127.0.0.1", serve.firstTcpPort())) {
                host.getOutputStream().write("AT+GMM\r".getBytes(StandardCharsets.US_ASCII));
                byte[] expected = "AT+GMM\r\r\nUC20\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(new String(host.getInputStream().readNBytes(expected.length), StandardCharsets.US_ASCII))
                        .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
            }
            assertThat(serve.terminate(10)).isIn(0, 143);
        }
    }

    /** The model's link and command latencies, as faults the control API lists; AT+QIACT=1 takes its latency. */
    @Test
    @Timeout(60)
    void realisticTimingSetsTheModelsLinkAndLatencies(@TempDir Path ufs) throws Exception {
        try (QModemProcess serve = QModemProcess.start("serve", "--model", "bg95", "--listen", "127.0.0.1:0",
                "--ufs", ufs.toString(), "--no-ftp-server", "--control", "127.0.0.1:0", "--timing", "realistic");
             HttpClient http = HttpClient.newHttpClient()) {
            String faults = http.send(HttpRequest.newBuilder(serve.controlUri().resolve("/api/modules/0/faults"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(faults).contains("\"kind\":\"link\"", "\"down_kbps\":300")
                    .contains("\"command\":\"+QIACT=\",\"ms\":500");
            try (Socket host = new Socket("127.0.0.1", serve.firstTcpPort())) {
                long start = System.nanoTime();
                host.getOutputStream().write("AT+QIACT=1\r".getBytes(StandardCharsets.US_ASCII));
                byte[] expected = "AT+QIACT=1\r\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(host.getInputStream().readNBytes(expected.length)).isEqualTo(expected);
                assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(500);
            }
        }
    }

    @Test
    @Timeout(60)
    void refusesTwoLinePipesAtOnceBeforeStartingAnything() {
        int exit = QModemCommand.commandLine().execute("serve", "--stdio", "--pty", "/tmp/x",
                "--no-ftp-server");
        assertThat(exit).isEqualTo(2);
    }
}
