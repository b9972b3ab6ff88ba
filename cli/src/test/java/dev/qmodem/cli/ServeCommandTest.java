package dev.qmodem.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    @Test
    @Timeout(60)
    void refusesTwoLinePipesAtOnceBeforeStartingAnything() {
        int exit = QModemCommand.commandLine().execute("serve", "--stdio", "--pty", "/tmp/x",
                "--no-ftp-server");
        assertThat(exit).isEqualTo(2);
    }
}
