package dev.qmodem.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control API's contract over real HTTP, with a host on the module's AT port. */
@Timeout(60)
class ControlApiTest extends WorldTest {

    @Test
    void listsTheModuleWithItsEndpoint() throws Exception {
        HttpResponse<String> response = world.get("/api/modules");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("\"id\":\"0\"", "\"model\":\"BG95\"",
                "\"endpoint\":\"" + world.transport.endpoint() + "\"");
    }

    @Test
    void showsStateAsTheHostChangesIt() throws Exception {
        assertThat(world.get("/api/modules/0").body()).contains("\"hostConnected\":false", "\"pdp\":[]",
                "\"ftp\":{\"stat\":4,");
        try (Host host = world.host()) {
            world.login(host);
            assertThat(world.get("/api/modules/0").body()).contains("\"hostConnected\":true", "\"dataMode\":false",
                    "\"pdp\":[{\"context\":1,\"active\":true,\"address\":\"10.7.157.1\"}]", "\"ftp\":{\"stat\":1,");
        }
    }

    @Test
    void faultsAreAddedListedAndRemoved() throws Exception {
        assertThat(world.fault("{\"kind\":\"link\",\"preset\":\"nbiot\"}")).contains("\"id\":\"1\"", "\"kind\":\"link\"",
                "\"down_kbps\":30");
        assertThat(world.fault("{\"kind\":\"uart\",\"baud\":115200}")).contains("\"id\":\"2\"");
        assertThat(world.get("/api/modules/0/faults").body()).contains("\"id\":\"1\"", "\"id\":\"2\"");
        assertThat(world.get("/api/modules/0").body()).contains("\"faults\":[{\"id\":\"1\"");

        assertThat(world.delete("/api/modules/0/faults/1").statusCode()).isEqualTo(204);
        assertThat(world.get("/api/modules/0/faults").body()).doesNotContain("\"id\":\"1\"").contains("\"id\":\"2\"");
        assertThat(world.delete("/api/modules/0/faults/1").statusCode()).isEqualTo(404);
        assertThat(world.delete("/api/modules/0/faults").statusCode()).isEqualTo(204);
        assertThat(world.get("/api/modules/0/faults").body()).isEqualTo("[]");
    }

    @Test
    void badRequestsNameTheField() throws Exception {
        assertBadRequest("{\"kind\":\"link\",\"down_kbps\":-1}", "down_kbps");
        assertBadRequest("{\"kind\":\"link\",\"preset\":\"5g\"}", "preset");
        assertBadRequest("{\"kind\":\"uart\"}", "baud");
        assertBadRequest("{\"kind\":\"uart\",\"baud\":\"fast\"}", "baud");
        assertBadRequest("{\"kind\":\"cut\",\"connection\":\"both\",\"after_bytes\":5}", "connection");
        assertBadRequest("{\"kind\":\"noise\",\"to_host_drop\":2}", "to_host_drop");
        assertBadRequest("{\"kind\":\"slice\",\"max_bytes\":4,\"gap\":5}", "gap");
        assertBadRequest("{\"kind\":\"meteor\"}", "kind");
        assertBadRequest("{\"baud\":9600}", "kind");
        assertBadRequest("[1,2]", "body");
        assertBadRequest("{not json", "body");
        assertBadRequest("", "body");
        HttpResponse<String> event = world.post("/api/modules/0/events", "{\"kind\":\"urc\",\"text\":\"a\\r\\nOK\"}");
        assertThat(event.statusCode()).isEqualTo(400);
        assertThat(event.body()).contains("\"field\":\"text\"");
    }

    private void assertBadRequest(String body, String field) throws Exception {
        HttpResponse<String> response = world.post("/api/modules/0/faults", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).contains("\"field\":\"" + field + "\"", "\"error\":");
    }

    @Test
    void anUnknownModuleIsNotFound() throws Exception {
        assertThat(world.get("/api/modules/7").statusCode()).isEqualTo(404);
        assertThat(world.post("/api/modules/7/faults", "{\"kind\":\"dns\",\"fail\":true}").statusCode()).isEqualTo(404);
        assertThat(world.post("/api/modules/x/events", "{\"kind\":\"urc\",\"text\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(world.get("/api/modules/7").body()).contains("\"error\":\"no module 7\"");
    }

    @Test
    void aUrcEventReachesTheHostFramedAsAUrc() throws Exception {
        try (Host host = world.host()) {
            HttpResponse<String> response = world.post("/api/modules/0/events",
                    "{\"kind\":\"urc\",\"text\":\"+QIURC: \\\"custom\\\"\"}");
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(host.await("+QIURC: \"custom\"\r\n", Duration.ofSeconds(5))).isEqualTo("\r\n+QIURC: \"custom\"\r\n");
        }
    }

    @Test
    void pdpDeactivateDropsTheContextAndEndsTheFtpSession() throws Exception {
        try (Host host = world.host()) {
            world.login(host);
            assertThat(world.post("/api/modules/0/events", "{\"kind\":\"pdp-deactivate\",\"context\":1}").statusCode())
                    .isEqualTo(202);
            host.await("\r\n+QIURC: \"pdpdeact\",1\r\n", Duration.ofSeconds(5));
            host.await("\r\n+QFTPCLOSE: 605,0\r\n", Duration.ofSeconds(10));
            assertThat(host.ok("AT+QIACT?")).doesNotContain("+QIACT: 1");
            assertThat(host.ok("AT+QFTPSTAT")).contains("+QFTPSTAT: 0,4");
            assertThat(world.get("/api/modules/0").body()).contains("\"pdp\":[]");
        }
    }

    @Test
    void theTraceStreamsHostBytesAndInjections() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(world.uri("/api/modules/0/trace"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = world.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        awaitLine(events, ": qmodem trace");
        try (events; Host host = world.host()) {
            host.ok("ATI");
            world.post("/api/modules/0/events", "{\"kind\":\"urc\",\"text\":\"+X: 1\"}");
            String seenHost = awaitLine(events, "\"direction\":\"host\",\"text\":\"ATI<CR>\"");
            assertThat(seenHost).startsWith("data: {\"time\":\"");
            awaitLine(events, "\"direction\":\"inject\",\"text\":\"urc: +X: 1\"");
            awaitLine(events, "\"direction\":\"module\",\"text\":\"<CR><LF>+X: 1<CR><LF>\"");
        }
    }

    private static String awaitLine(BufferedReader events, String fragment) throws IOException {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("the trace ended without " + fragment);
    }

    @Test
    void metricsCountCommandsBytesAndInjections() throws Exception {
        try (Host host = world.host()) {
            host.ok("ATI");
            host.send("AT+QFTPSIZE=\"x\"\r");
            host.await("+CME ERROR: 625\r\n", Duration.ofSeconds(5));
            world.post("/api/modules/0/events", "{\"kind\":\"urc\",\"text\":\"+X: 1\"}");
            world.login(host);
            String metrics = world.get("/metrics").body();
            assertThat(metrics).contains(
                    "qmodem_at_commands_total{command=\"I\",module=\"0\",result=\"OK\"} 1.0",
                    "qmodem_at_commands_total{command=\"+QFTPSIZE\",module=\"0\",result=\"CME 625\"} 1.0",
                    "qmodem_ftp_operations_total{command=\"+QFTPOPEN\",err=\"0\",module=\"0\"} 1.0",
                    "qmodem_faults_injected_total{kind=\"urc\",module=\"0\"} 1.0",
                    "qmodem_host_connected{module=\"0\"} 1.0",
                    "qmodem_host_bytes_total{direction=\"from_host\",module=\"0\"}",
                    "jvm_memory_used_bytes");
        }
    }

    @Test
    void anAddressBeyondLoopbackNeedsConsent() {
        assertThatThrownBy(() -> ControlServer.start(new InetSocketAddress("0.0.0.0", 0), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }
}
