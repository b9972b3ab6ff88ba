package dev.qmodem.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qmodem.fleet.Fleet;
import dev.qmodem.fleet.FleetConfig;
import dev.qmodem.fleet.ModelMix;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small fleet runs a workload against the embedded FTP server through each module's real TCP AT port: every
 * file arrives byte for byte, and the report has the documented shape.
 */
class FleetLoadTest {

    private static final int MODULES = 20;
    private static final int ITERATIONS = 2;
    @Test
    @Timeout(120)
    void everyModuleUploadsItsFilesByteExactAndTheReportHasItsShape(@TempDir Path temp) throws Exception {
        Workload workload = Workload.example().resized(MODULES, "BG95:12,UC20:8", ITERATIONS, Duration.ofMillis(200));
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(temp.resolve("ftp")).tls(false)
                .maxLogins(MODULES).start();
             Fleet fleet = Fleet.start(FleetConfig.of(ModelMix.parse(workload.model()).assign(workload.count()),
                     new InetSocketAddress("127.0.0.1", 0), temp.resolve("ufs")))) {
            List<LoadRun.Target> targets = fleet.modules().stream()
                    .map(m -> new LoadRun.Target(m.id(), "127.0.0.1", m.port())).toList();
            LoadResult result = LoadRun.run(workload,
                    new Workload.Server(server.host(), server.port(), server.user(), server.password()), targets,
                    Shard.WHOLE, null, false);

            assertThat(result.failed()).as(result.toJson().toPrettyString()).isFalse();
            for (int id = 0; id < MODULES; id++) {
                for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                    String name = "dev-" + id + "-" + iteration + ".bin";
                    assertThat(Payload.matches(server.root().resolve(name), name, 10 * 1024)).as(name).isTrue();
                }
            }
            Path reportFile = temp.resolve("report.json");
            result.writeReport(reportFile);
            JsonNode report = new ObjectMapper().readTree(Files.readString(reportFile));
            assertThat(report.path("modules").asInt()).isEqualTo(MODULES);
            assertThat(report.path("failed").asBoolean()).isFalse();
            JsonNode steps = report.path("steps");
            assertThat(steps.size()).as("setup, session and recover of the example").isEqualTo(3 + 5 + 1);
            JsonNode put = steps.get(4);
            assertThat(put.path("name").asText()).isEqualTo("put dev-${id}-${iter}.bin");
            assertThat(put.path("count").asLong()).isEqualTo(MODULES * ITERATIONS);
            assertThat(put.path("errors").isObject()).isTrue();
            assertThat(put.path("errors").size()).isZero();
            for (String field : List.of("p50_ms", "p95_ms", "p99_ms", "max_ms")) {
                assertThat(put.path(field).isNumber()).as(field).isTrue();
            }
            assertThat(put.path("p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(put.path("max_ms").asDouble());
            assertThat(steps.get(8).path("count").asLong()).as("recover never ran").isZero();
        }
    }

    @Test
    @Timeout(60)
    void aFailingStepIsCountedByItsErrAndFailsTheRun(@TempDir Path temp) throws Exception {
        Workload workload = Workload.parse("""
                fleet: {count: 2, model: BG95}
                iterations: 1
                session:
                  - at: AT+QIACT=1
                  - at: 'AT+QFTPOPEN="${server.host}",${server.port}'
                    urc: +QFTPOPEN
                  - at: AT+QFTPCLOSE
                """);
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(temp.resolve("ftp")).tls(false).start();
             Fleet fleet = Fleet.start(FleetConfig.of(ModelMix.parse("BG95").assign(2),
                     new InetSocketAddress("127.0.0.1", 0), temp.resolve("ufs")))) {
            List<LoadRun.Target> targets = fleet.modules().stream()
                    .map(m -> new LoadRun.Target(m.id(), "127.0.0.1", m.port())).toList();
            // no account configured: the module logs in as its default user, which the server refuses
            LoadResult result = LoadRun.run(workload, new Workload.Server(server.host(), server.port(), "x", "y"),
                    targets, Shard.WHOLE, null, false);

            assertThat(result.failed()).isTrue();
            JsonNode open = result.toJson().path("steps").get(1);
            assertThat(open.path("count").asLong()).isEqualTo(2);
            assertThat(open.path("errors").fieldNames().next()).matches("6\\d\\d");
            assertThat(result.toJson().path("steps").get(2).path("count").asLong()).as("the loop ended").isZero();
        }
    }
}
