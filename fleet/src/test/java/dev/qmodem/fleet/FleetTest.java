package dev.qmodem.fleet;

import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/** Modules of a fleet each answer on their own port or line, as their own model, with their own flash. */
class FleetTest {

    @Test
    @Timeout(60)
    void modulesListenOnConsecutivePortsAsTheirModel(@TempDir Path ufs) throws Exception {
        List<Model> models = ModelMix.parse("BG95:2,UC20:1").assign(3);
        try (Fleet fleet = startOnAFreeRun(models, ufs)) {
            List<FleetModule> modules = fleet.modules();
            assertThat(modules).extracting(FleetModule::id).containsExactly("0", "1", "2");
            assertThat(modules.get(1).port()).isEqualTo(modules.get(0).port() + 1);
            assertThat(modules.get(2).port()).isEqualTo(modules.get(0).port() + 2);
            assertThat(modules.get(0).endpoint()).isEqualTo("tcp://127.0.0.1:" + modules.get(0).port());
            for (FleetModule module : modules) {
                try (Socket host = new Socket("127.0.0.1", module.port())) {
                    assertThat(exchange(host.getInputStream(), host.getOutputStream(), "AT+GMM"))
                            .startsWith("AT+GMM\r\r\n" + module.model()).endsWith("\r\n\r\nOK\r\n");
                }
                assertThat(module.ufs()).isEqualTo(ufs.resolve(module.id()));
                assertThat(Files.isDirectory(module.ufs())).isTrue();
            }
            assertThat(modules).extracting(FleetModule::model).containsExactly(Model.BG95, Model.BG95, Model.UC20);
        }
    }

    @Test
    @Timeout(60)
    void modulesServePseudoTerminalsInADirectory(@TempDir Path temp) throws Exception {
        Path ptys = Files.createDirectories(temp.resolve("tty"));
        FleetConfig config = new FleetConfig(5, ModelMix.parse("BG77").assign(2), null, ptys, temp.resolve("ufs"),
                new Properties(), Map.of());
        try (Fleet fleet = Fleet.start(config)) {
            assertThat(fleet.modules().get(0).endpoint()).startsWith("pty:" + ptys.resolve("ttyQ5") + " ");
            assertThat(fleet.modules().get(1).endpoint()).startsWith("pty:" + ptys.resolve("ttyQ6") + " ");
            Path line = ptys.resolve("ttyQ6");
            try (InputStream in = new FileInputStream(line.toFile());
                 OutputStream out = new FileOutputStream(line.toFile())) {
                assertThat(exchange(in, out, "AT+GMM")).isEqualTo("AT+GMM\r\r\nBG77\r\n\r\nOK\r\n");
            }
        }
        assertThat(Files.exists(ptys.resolve("ttyQ5"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static Fleet startOnAFreeRun(List<Model> models, Path ufs) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 30000);
            try {
                return Fleet.start(FleetConfig.of(models, new InetSocketAddress("127.0.0.1", base), ufs));
            } catch (IOException e) {
                last = e; // a port of the run was taken: the started ones were stopped, try another run
            }
        }
        throw last;
    }

    private static String exchange(InputStream in, OutputStream out, String line) throws IOException {
        out.write((line + "\r").getBytes(US_ASCII));
        out.flush();
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().endsWith("OK\r\n") && !answer.toString().endsWith("ERROR\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            answer.append((char) b);
        }
        return answer.toString();
    }
}
