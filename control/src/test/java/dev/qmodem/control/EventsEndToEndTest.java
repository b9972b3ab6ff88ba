package dev.qmodem.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The power and radio events through the control API, as a host on the AT port sees them. */
@Timeout(60)
class EventsEndToEndTest extends WorldTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private void event(String json) throws Exception {
        assertThat(world.post("/api/modules/0/events", json).statusCode()).as(json).isEqualTo(202);
    }

    @Test
    void signalChangesWhatCsqReports() throws Exception {
        try (Host host = world.host()) {
            event("{\"kind\":\"signal\",\"rssi\":10,\"ber\":2}");
            assertThat(host.ok("AT+CSQ")).contains("+CSQ: 10,2");
            assertThat(world.post("/api/modules/0/events", "{\"kind\":\"signal\",\"rssi\":40}").body())
                    .contains("\"field\":\"rssi\"");
        }
    }

    @Test
    void registrationIsReportedAsTheHostAsked() throws Exception {
        try (Host host = world.host()) {
            host.ok("AT+CREG=1");
            event("{\"kind\":\"registration\",\"state\":\"searching\"}");
            host.await("\r\n+CREG: 2\r\n", WAIT);
            event("{\"kind\":\"registration\",\"state\":\"roaming\"}");
            host.await("\r\n+CREG: 5\r\n", WAIT);
            assertThat(world.post("/api/modules/0/events", "{\"kind\":\"registration\",\"state\":\"lost\"}").body())
                    .contains("\"field\":\"state\"");
        }
    }

    @Test
    void rebootLosesVolatileStateAndBootsAgain() throws Exception {
        try (Host host = world.host()) {
            host.ok("AT+QIACT=1");
            event("{\"kind\":\"reboot\"}");
            host.await("APP RDY\r\n", WAIT);
            assertThat(host.ok("AT+QIACT?")).doesNotContain("+QIACT: 1");
        }
    }

    @Test
    void powerOffSilencesTheModuleUntilPowerOn() throws Exception {
        try (Host host = world.host()) {
            event("{\"kind\":\"power-off\"}");
            host.quiet(Duration.ofMillis(300));
            host.send("AT\r");
            assertThat(host.quiet(Duration.ofSeconds(1))).isEmpty();
            event("{\"kind\":\"power-on\"}");
            host.await("APP RDY\r\n", WAIT);
            host.ok("AT");
        }
    }
}
