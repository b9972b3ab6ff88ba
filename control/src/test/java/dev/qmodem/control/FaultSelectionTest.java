package dev.qmodem.control;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One control API over several modules registered under a shard's ids ("4".."7"), over real HTTP: a fault for a
 * selection reaches exactly the selected modules, host-visible on their AT ports; bad selections name the field.
 */
@Timeout(60)
class FaultSelectionTest {

    private static final int FIRST_ID = 4;
    private static final String DISK = "{\"kind\":\"disk\",\"free_bytes\":4000}";

    @TempDir
    Path folder;
    private final List<EmulatedModule> modules = new ArrayList<>();
    private final List<TcpTransport> transports = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ControlServer control;

    @BeforeEach
    void startModules() throws IOException {
        control = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), false);
        for (int i = 0; i < 4; i++) {
            EmulatedModule module = EmulatedModule.create(ModuleConfig.of(Model.BG95, folder.resolve("ufs" + i)));
            TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), module.clock());
            transport.start(module);
            modules.add(module);
            transports.add(transport);
            control.register(Integer.toString(FIRST_ID + i), module, transport.endpoint());
        }
    }

    @AfterEach
    void stop() throws IOException {
        control.close();
        for (TcpTransport transport : transports) {
            transport.close();
        }
        modules.forEach(EmulatedModule::close);
    }

    @Test
    void listsEveryModuleUnderItsOwnIdWithItsEndpoint() throws Exception {
        String list = send("GET", "/api/modules", null).body();
        for (int i = 0; i < 4; i++) {
            assertThat(list).contains("{\"id\":\"" + (FIRST_ID + i) + "\",\"model\":\"BG95\",\"endpoint\":\""
                    + transports.get(i).endpoint() + "\"");
        }
        assertThat(send("GET", "/api/modules/0", null).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> control.register("5", modules.get(0), "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFaultForASelectionReachesExactlyThoseModules() throws Exception {
        HttpResponse<String> created = send("POST", "/api/faults", "{\"modules\":\"5,7\",\"fault\":" + DISK + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"created\":[{\"module\":\"5\",\"id\":\"1\"},{\"module\":\"7\",\"id\":\"1\"}],"
                + "\"fault\":{\"kind\":\"disk\",\"free_bytes\":4000}}");
        for (int i = 0; i < 4; i++) {
            boolean selected = i == 1 || i == 3;
            try (Host host = new Host(transports.get(i).port())) {
                String free = host.ok("AT+QFLDS=\"UFS\"");
                assertThat(free.contains("+QFLDS: 4000,")).as("module %d", FIRST_ID + i).isEqualTo(selected);
            }
        }

        assertThat(send("POST", "/api/faults", "{\"modules\":\"4-5, 7\",\"fault\":{\"kind\":\"dns\"}}").statusCode())
                .isEqualTo(201);
        assertThat(faultsOf(5)).contains("\"kind\":\"disk\"", "\"kind\":\"dns\"");
        assertThat(faultsOf(6)).isEqualTo("[]");
        assertThat(send("DELETE", "/api/faults?modules=5-6", null).statusCode()).isEqualTo(204);
        assertThat(faultsOf(5)).isEqualTo("[]");
        assertThat(faultsOf(4)).contains("\"kind\":\"dns\"");
        assertThat(send("POST", "/api/faults", "{\"modules\":\"all\",\"fault\":{\"kind\":\"uart\",\"baud\":9600}}")
                .statusCode()).isEqualTo(201);
        assertThat(faultsOf(6)).contains("\"baud\":9600");
        assertThat(send("DELETE", "/api/faults?modules=all", null).statusCode()).isEqualTo(204);
        for (int id = FIRST_ID; id < FIRST_ID + 4; id++) {
            assertThat(faultsOf(id)).isEqualTo("[]");
        }
    }

    @Test
    void aBadSelectionOrFaultNamesTheFieldAndChangesNothing() throws Exception {
        assertBadRequest("{\"modules\":\"3\",\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":\"4-2000000000\",\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":\"7-5\",\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":\"five\",\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":\"\",\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":5,\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"fault\":" + DISK + "}", "modules");
        assertBadRequest("{\"modules\":\"all\"}", "fault");
        assertBadRequest("{\"modules\":\"all\",\"fault\":[]}", "fault");
        assertBadRequest("{\"modules\":\"all\",\"fault\":{\"kind\":\"uart\",\"baud\":\"fast\"}}", "fault.baud");
        assertBadRequest("{\"modules\":\"all\",\"fault\":" + DISK + ",\"module\":\"4\"}", "module");
        HttpResponse<String> delete = send("DELETE", "/api/faults", null);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("\"field\":\"modules\"");
        for (int id = FIRST_ID; id < FIRST_ID + 4; id++) {
            assertThat(faultsOf(id)).isEqualTo("[]");
        }
    }

    private void assertBadRequest(String body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/api/faults", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).contains("\"field\":\"" + field + "\"");
    }

    private String faultsOf(int id) throws Exception {
        return send("GET", "/api/modules/" + id + "/faults", null).body();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
