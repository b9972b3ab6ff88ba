package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qmodem load}: the exit code gates a pipeline, the report is written, a shard's modules are under the control
 * API by their global ids, and a scenario faults every module.
 */
class LoadCommandTest {

    @Test
    @Timeout(120)
    void aPassingWorkloadExitsZeroAndWritesItsReport(@TempDir Path temp) throws Exception {
        Path workload = fourModulesTwice(temp, "", """
                  - put: {name: 'dev-${id}-${iter}.bin', size: 3000}
                  - at: AT+QFTPCLOSE
                    urc: +QFTPCLOSE
                """);
        Path report = temp.resolve("report.json");
        int exit = load(temp, workload, "--report", report.toString(), "--shard", "1/2");

        assertThat(exit).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("shard").asText()).isEqualTo("1/2");
        assertThat(json.path("modules").asInt()).isEqualTo(2);
        assertThat(json.path("steps").get(3).path("count").asInt()).isEqualTo(4);
        assertThat(temp.resolve("ftp").resolve("dev-2-0.bin")).hasSize(3000);
        assertThat(temp.resolve("ftp").resolve("dev-3-1.bin")).hasSize(3000);
        assertThat(temp.resolve("ftp").resolve("dev-0-0.bin")).as("shard 0's module").doesNotExist();

        Path merged = temp.resolve("merged.json");
        assertThat(QModemCommand.commandLine().execute("merge-reports", report.toString(), report.toString(),
                "--report", merged.toString())).isEqualTo(0);
        JsonNode total = new ObjectMapper().readTree(merged.toFile());
        assertThat(total.path("modules").asInt()).isEqualTo(4);
        assertThat(total.path("steps").get(3).path("count").asInt()).isEqualTo(8);
        assertThat(total.path("steps").get(3).path("p99_ms").asDouble())
                .isEqualTo(json.path("steps").get(3).path("p99_ms").asDouble());
    }

    @Test
    @Timeout(60)
    void aShardRunsUnderOneControlApiByItsGlobalIdsAndAScenarioFaultsEveryModule(@TempDir Path temp) throws Exception {
        // the pause keeps the run going while the test asks the control API
        Path workload = fourModulesTwice(temp, "  - sleep: 3s\n", """
                  - at: AT+QFTPCLOSE
                    urc: +QFTPCLOSE
                    name: close
                """);
        Path scenario = Files.writeString(temp.resolve("scenario.yaml"), """
                steps:
                  - after: AT+QFTPOPEN
                    count: 2
                    fault: {kind: cut, connection: control, after_bytes: 10}
                """);
        Path report = temp.resolve("report.json");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(baseArguments(temp, workload)),
                java.util.stream.Stream.of("--shard", "1/2", "--scenario", scenario.toString(), "--report",
                        report.toString())).toArray(String[]::new);
        try (QModemProcess load = QModemProcess.startLoad(args)) {
            URI control = load.controlUri();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(control.resolve("/api/modules"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode modules = new ObjectMapper().readTree(list.body());
                assertThat(modules).hasSize(2);
                assertThat(modules.get(0).path("id").asText()).isEqualTo("2");
                assertThat(modules.get(1).path("id").asText()).isEqualTo("3");
                assertThat(modules.get(1).path("endpoint").asText()).startsWith("tcp://127.0.0.1:");
            }
            assertThat(load.exitCode(40)).as("a step failed").isEqualTo(1);
        }
        JsonNode steps = new ObjectMapper().readTree(report.toFile()).path("steps");
        JsonNode open = find(steps, "open");
        assertThat(open.path("count").asInt()).as("2 modules, 2 loops").isEqualTo(4);
        int errors = 0;
        for (JsonNode n : open.path("errors")) {
            errors += n.asInt();
        }
        assertThat(errors).as("the second open of each module, under the cut: %s", open).isEqualTo(2);
        assertThat(find(steps, "close").path("count").asInt()).as("only the first loops got to close").isEqualTo(2);
    }

    /**
     * A workload of 4 BG95 modules looping twice; setup runs {@code firstSetupSteps}, activates and logs in; each loop
     * opens the session (step {@code open}), then runs {@code afterOpen}.
     */
    private static Path fourModulesTwice(Path temp, String firstSetupSteps, String afterOpen) throws IOException {
        return Files.writeString(temp.resolve("workload.yaml"), "fleet: {count: 4, model: BG95}\niterations: 2\nsetup:\n"
                + firstSetupSteps + """
                  - at: AT+QIACT=1
                  - at: AT+QFTPCFG="account","${server.user}","${server.password}"
                session:
                  - at: 'AT+QFTPOPEN="${server.host}",${server.port}'
                    urc: +QFTPOPEN
                    name: open
                """ + afterOpen);
    }

    private static JsonNode find(JsonNode steps, String name) {
        for (JsonNode step : steps) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + steps);
    }

    @Test
    @Timeout(60)
    void aFailingStepExitsOne(@TempDir Path temp) throws Exception {
        Path workload = Files.writeString(temp.resolve("workload.yaml"), """
                fleet: {count: 1}
                session:
                  - at: AT+NOSUCHCOMMAND
                """);
        assertThat(load(temp, workload)).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aBadWorkloadIsAUsageError(@TempDir Path temp) throws Exception {
        Path workload = Files.writeString(temp.resolve("workload.yaml"), "fleet: {count: 1}\nsession: [{att: AT}]\n");
        assertThat(load(temp, workload)).isEqualTo(2);
    }

    private static int load(Path temp, Path workload, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(baseArguments(temp, workload)),
                java.util.Arrays.stream(more)).toArray(String[]::new);
        return QModemCommand.commandLine().execute(args);
    }

    private static String[] baseArguments(Path temp, Path workload) {
        return new String[] {"load", workload.toString(), "--progress", "none", "--ufs-root",
                temp.resolve("ufs").toString(), "--ftp-root", temp.resolve("ftp").toString(), "--ftp-port", "0",
                "--ftps-port", "0", "--ftps-implicit-port", "0", "--control", "127.0.0.1:0"};
    }
}
