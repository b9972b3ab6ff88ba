package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qmodem fleet} as a process: one ready line once every module listens, then hosts on each, and one control
 * API over them all.
 */
class FleetCommandTest {

    @Test
    @Timeout(60)
    void printsOneReadyLineAndServesEveryModuleAsItsModel(@TempDir Path temp) throws Exception {
        try (QModemProcess fleet = QModemProcess.start("fleet", "--count", "3", "--model", "uc20:1,bg77:2",
                "--listen", "127.0.0.1:0", "--ufs-root", temp.resolve("ufs").toString(),
                "--ftp-root", temp.resolve("ftp").toString(), "--ftp-port", "0", "--ftps-port", "0",
                "--ftps-implicit-port", "0", "--no-control")) {
            assertThat(fleet.readyLine()).doesNotContain("control:").contains("fleet of 3").contains("ready").contains("ftp://test:test@127.0.0.1:");
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
    @Timeout(60)
    void oneControlApiListsEveryModuleAndTakesAFaultForASelection(@TempDir Path temp) throws Exception {
        try (QModemProcess fleet = QModemProcess.start("fleet", "--count", "4", "--listen", "127.0.0.1:0",
                "--ufs-root", temp.resolve("ufs").toString(), "--no-ftp-server", "--control", "127.0.0.1:0")) {
            URI control = fleet.controlUri();
            HttpResponse<String> list = send(control, "GET", "/api/modules", null);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode modules = new ObjectMapper().readTree(list.body());
            assertThat(modules).hasSize(4);
            List<Integer> ports = new ArrayList<>();
            for (int id = 0; id < 4; id++) {
                JsonNode module = modules.get(id);
                assertThat(module.path("id").asText()).isEqualTo(Integer.toString(id));
                assertThat(module.path("endpoint").asText()).startsWith("tcp://127.0.0.1:");
                ports.add(Integer.parseInt(module.path("endpoint").asText().replaceAll(".*:", "")));
            }
            assertThat(ports.get(0)).isEqualTo(fleet.firstTcpPort());

            HttpResponse<String> created = send(control, "POST", "/api/faults",
                    "{\"modules\":\"1-2\",\"fault\":{\"kind\":\"disk\",\"free_bytes\":4000}}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("{\"module\":\"1\",\"id\":\"1\"},{\"module\":\"2\",\"id\":\"1\"}");
            for (int id = 0; id < 4; id++) {
                try (Socket host = new Socket("127.0.0.1", ports.get(id))) {
                    host.setSoTimeout(10_000);
                    String answer = AtHost.awaitText(host, "AT+QFLDS=\"UFS\"\r", "OK\r\n");
                    assertThat(answer.contains("+QFLDS: 4000,")).as("module %d: %s", id, answer).isEqualTo(id == 1 || id == 2);
                }
            }
            assertThat(send(control, "POST", "/api/faults", "{\"modules\":\"2-4\",\"fault\":{\"kind\":\"dns\"}}")
                    .body()).contains("\"field\":\"modules\"");
            assertThat(send(control, "DELETE", "/api/faults?modules=all", null).statusCode()).isEqualTo(204);
            assertThat(send(control, "GET", "/api/modules/2/faults", null).body()).isEqualTo("[]");
        }
    }

    private static HttpResponse<String> send(URI control, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(control.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The fleet is built while the control API starts; when that fails, the built modules let go of their ports. */
    @Test
    @Timeout(60)
    void aControlPortInUseStopsTheModulesBuiltMeanwhile(@TempDir Path temp) throws Exception {
        int firstModulePort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            firstModulePort = probe.getLocalPort();
        }
        try (ServerSocket control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String[] args = {"fleet", "--count", "2", "--listen", "127.0.0.1:" + firstModulePort,
                "--ufs-root", temp.toString(), "--no-ftp-server", "--control", "127.0.0.1:" + control.getLocalPort()};
            int exit = QModemCommand.commandLine(args).execute(args);
            assertThat(exit).isEqualTo(1);
        }
        assertThat(Files.isDirectory(temp.resolve("1"))).as("the fleet was built").isTrue();
        try (ServerSocket again = new ServerSocket(firstModulePort, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(firstModulePort);
        }
    }

    @Test
    @Timeout(30)
    void aMixThatDoesNotAddUpIsAUsageError() {
        int exit = QModemCommand.commandLine().execute("fleet", "--count", "3", "--model",
                "BG95:1,UC20:1", "--no-ftp-server", "--no-control");
        assertThat(exit).isEqualTo(2);
    }
}
