package dev.qmodem.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class WorkloadTest {

    @Test
    void readsTheIssuesExample() throws Exception {
        Workload workload = Workload.parse("""
                fleet: {count: 200, model: BG95}
                server: {host: 127.0.0.1, port: 2121, user: test, password: test}   # omitted: the embedded server
                iterations: 3              # or duration: 10m
                ramp: 20s                  # modules start spread over this time
                session:
                  - at: AT+QIACT=1
                  - at: 'AT+QFTPOPEN="${server.host}",${server.port}'
                    urc: +QFTPOPEN
                  - put: {name: 'dev-${id}-${iter}.bin', size: 10KiB}        # through COM: with <uploadlen>
                  - at: AT+QFTPCLOSE
                    urc: +QFTPCLOSE
                  - sleep: 1s~0.5s         # mean~spread
                """);
        assertThat(workload.count()).isEqualTo(200);
        assertThat(workload.server()).isEqualTo(new Workload.Server("127.0.0.1", 2121, "test", "test"));
        assertThat(workload.iterations()).isEqualTo(3);
        assertThat(workload.ramp()).isEqualTo(Duration.ofSeconds(20));
        assertThat(workload.session()).hasSize(5);
        assertThat(workload.session().get(1)).isInstanceOfSatisfying(Step.At.class,
                at -> assertThat(at.urc()).isEqualTo("+QFTPOPEN"));
        assertThat(workload.session().get(2)).isInstanceOfSatisfying(Step.Put.class,
                put -> assertThat(put.size()).isEqualTo(10240));
        assertThat(workload.session().get(4)).isEqualTo(
                new Step.Sleep("sleep 1s~0.5s", Duration.ofSeconds(1), Duration.ofMillis(500)));
    }

    @Test
    void aDurationInsteadOfIterations() throws Exception {
        Workload workload = Workload.parse("fleet: {count: 1}\nduration: 10m\nsession: [{at: AT}]");
        assertThat(workload.iterations()).isZero();
        assertThat(workload.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(workload.model()).isEqualTo("BG95");
        assertThat(workload.server()).isNull();
    }

    @Test
    void mistakesNameTheirField() {
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 0}\nsession: [{at: AT}]"))
                .hasMessageContaining("fleet.count");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\nsession: [{at: AT}, {put: {name: x}}]"))
                .hasMessageContaining("session[1].put: size is required");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\nsession: [{at: 'AT${nope}'}]"))
                .hasMessageContaining("session[0].at").hasMessageContaining("${nope}");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\nsession: [{sleep: 1s~2s}]"))
                .hasMessageContaining("session[0].sleep");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\nsession: [{at: AT, urcs: x}]"))
                .hasMessageContaining("unknown field 'urcs'");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\niterations: 2\nduration: 1s\nsession: [{at: AT}]"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> Workload.parse("fleet: {count: 1}\nsession: []"))
                .hasMessageContaining("at least one step");
    }

    @Test
    void placeholdersAreFilled() {
        assertThat(Template.fill("dev-${id}-${iter}.bin@${server.host}", Map.of("id", "7", "iter", "2",
                "server.host", "h"))).isEqualTo("dev-7-2.bin@h");
    }

    @Test
    void quantities() {
        assertThat(Quantities.size("10KiB")).isEqualTo(10240);
        assertThat(Quantities.size("2MB")).isEqualTo(2_000_000);
        assertThat(Quantities.size("100")).isEqualTo(100);
        assertThat(Quantities.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Quantities.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Quantities.duration("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shardsCoverTheFleetOnce() {
        int total = 1001;
        int next = 0;
        for (int i = 0; i < 7; i++) {
            Shard shard = Shard.parse(i + "/7");
            assertThat(shard.firstId(total)).isEqualTo(next);
            next += shard.size(total);
        }
        assertThat(next).isEqualTo(total);
        assertThatThrownBy(() -> Shard.parse("7/7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
