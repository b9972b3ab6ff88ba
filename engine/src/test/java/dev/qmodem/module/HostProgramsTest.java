package dev.qmodem.module;

import dev.qmodem.profile.Model;
import dev.qmodem.transport.PtyTransport;
import dev.qmodem.transport.TcpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host programs the README names, driving a module: pyserial on the PTY and through {@code socket://}, and
 * picocom on the PTY. They come from Debian (python3-serial, picocom), which scripts/install-peers.sh installs.
 */
class HostProgramsTest {

    private static final String SYSTEM_PYTHON = "/usr/bin/python3";
    private static final String PYSERIAL_ATI = """
            import serial, sys, time
            port = serial.serial_for_url(sys.argv[1], 115200, timeout=2)
            port.write(b'ATI\\r')
            answer = b''
            deadline = time.time() + 5
            while not answer.endswith(b'OK\\r\\n') and time.time() < deadline:
                answer += port.read(1)
            sys.stdout.write(answer.decode('ascii'))
            """;
    private static final String ATI = "ATI\r\r\nQuectel\r\nBG95-M3\r\nRevision: BG95M3LAR02A03\r\n\r\nOK\r\n";

    @Test
    @Timeout(60)
    void pyserialOnThePtyAndOverSocketUrl(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("modem");
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, dir.resolve("ufs")));
             PtyTransport pty = new PtyTransport(link)) {
            pty.start(modem);
            assertThat(run(SYSTEM_PYTHON, "-c", PYSERIAL_ATI, link.toString())).isEqualTo(ATI);
        }
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, dir.resolve("ufs")));
             TcpTransport tcp = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock())) {
            tcp.start(modem);
            assertThat(run(SYSTEM_PYTHON, "-c", PYSERIAL_ATI, "socket://127.0.0.1:" + tcp.port())).isEqualTo(ATI);
        }
    }

    @Test
    @Timeout(60)
    void picocomOnThePty(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("modem");
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.UC20, dir.resolve("ufs")));
             PtyTransport pty = new PtyTransport(link)) {
            pty.start(modem);
            Path typed = Files.writeString(dir.resolve("typed"), "AT+GMM\r", StandardCharsets.US_ASCII);
            String screen = run("bash", "-c", "(sleep 0.5; cat " + typed + "; sleep 1) | timeout 5 picocom -q -b 115200 " + link);
            assertThat(screen).contains("AT+GMM\r\r\nUC20\r\n\r\nOK\r\n");
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
