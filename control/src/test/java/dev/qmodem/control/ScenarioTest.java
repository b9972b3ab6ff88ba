package dev.qmodem.control;

import dev.qmodem.fault.Fault;
import dev.qmodem.fault.FaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario files: checked whole when loaded, then replayed against a host on the AT port. */
@Timeout(60)
class ScenarioTest {

    @TempDir
    Path folder;

    @Test
    void aBadStepIsNamedWhenLoaded() {
        assertThatThrownBy(() -> Scenario.parse("steps:\n  - at: soon\n    event: {kind: urc, text: x}\n"))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("steps[0].at"));
        assertThatThrownBy(() -> Scenario.parse("steps:\n  - at: 1s\n  - after: ATI\n    fault: {kind: uart}\n"))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("steps[0].fault"));
        assertThatThrownBy(() -> Scenario.parse("steps:\n  - after: ATI\n    fault: {kind: uart}\n"))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("steps[0].baud"));
        assertThatThrownBy(() -> Scenario.parse("steps:\n  - at: 1s\n    after: ATI\n    event: {kind: urc, text: x}\n"))
                .isInstanceOf(FaultException.class);
    }

    @Test
    void stepsFireAtTheirTimeAndOnTheHostsLines() throws Exception {
        Scenario scenario = Scenario.parse("""
                seed: 42
                steps:
                  - at: 300ms
                    event: {kind: urc, text: '+QIURC: "timed"'}
                  - after: ATI
                    count: 2
                    event: {kind: urc, text: '+QIURC: "raced"'}
                  - after: AT+QIACT=1
                    delay: 200ms
                    event: {kind: pdp-deactivate, context: 1}
                  - after: at+qftpopen
                    fault: {kind: noise, to_host_flip: 0.0}
                """);
        try (ControlledWorld world = new ControlledWorld(folder); Host host = world.host()) {
            scenario.start(world.module);
            host.await("\r\n+QIURC: \"timed\"\r\n", Duration.ofSeconds(10));
            assertThat(host.ok("ATI")).doesNotContain("raced");
            assertThat(host.ok("ATI")).startsWith("\r\n+QIURC: \"raced\"\r\n\r\nQuectel");
            host.ok("AT+QIACT=1");
            host.await("\r\n+QIURC: \"pdpdeact\",1\r\n", Duration.ofSeconds(10));
            host.ok("AT+QFTPOPEN=\"127.0.0.1\"," + world.ftp.port());
            assertThat(world.module.faults().list()).extracting(a -> a.fault())
                    .containsExactly(new Fault.Noise(0, 0, 0, 0, 42 + 3));
        }
    }

    @Test
    void theSeedSeedsTheLinkJitterAndTheModuleShowsIt() throws Exception {
        try (ControlledWorld world = new ControlledWorld(folder)) {
            long own = world.module.faults().seed();
            assertThat(world.get("/api/modules/0").body()).contains("\"seed\":" + own);
            Scenario.parse("seed: 42\nsteps: []\n").start(world.module);
            assertThat(world.module.faults().seed()).isEqualTo(42);
            assertThat(world.get("/api/modules/0").body()).contains("\"seed\":42");
        }
    }
}
