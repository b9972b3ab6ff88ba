package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem load}: the exit code gates a pipeline, and the report is written. */
class LoadCommandTest {

    @Test
    @Timeout(120)
    void aPassingWorkloadExitsZeroAndWritesItsReport(@TempDir Path temp) throws Exception {
        Path workload = Files.writeString(temp.resolve("workload.yaml"), """
                fleet: {count: 4, model: BG95}
                iterations: 2
                setup:
                  - at: AT+QIACT=1
                  - at: AT+QFTPCFG="account","${server.user}","${server.password}"
                session:
                  - at: 'AT+QFTPOPEN="${server.host}",${server.port}'
                    urc: +QFTPOPEN
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
        assertThat(new CommandLine(new QModemCommand()).execute("merge-reports", report.toString(), report.toString(),
                "--report", merged.toString())).isEqualTo(0);
        JsonNode total = new ObjectMapper().readTree(merged.toFile());
        assertThat(total.path("modules").asInt()).isEqualTo(4);
        assertThat(total.path("steps").get(3).path("count").asInt()).isEqualTo(8);
        assertThat(total.path("steps").get(3).path("p99_ms").asDouble())
                .isEqualTo(json.path("steps").get(3).path("p99_ms").asDouble());
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
        String[] base = {"load", workload.toString(), "--progress", "none", "--ufs-root", temp.resolve("ufs").toString(),
                "--ftp-root", temp.resolve("ftp").toString(), "--ftp-port", "0", "--ftps-port", "0",
                "--ftps-implicit-port", "0"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return new CommandLine(new QModemCommand()).execute(args);
    }
}
