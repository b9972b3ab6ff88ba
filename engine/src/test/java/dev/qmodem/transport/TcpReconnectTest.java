package dev.qmodem.transport;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A host that hangs up and reconnects at once is served; a second host beside a connected one is still refused. */
class TcpReconnectTest {

    @TempDir
    Path ufs;

    @Test
    @Timeout(120)
    void aThousandImmediateReconnectsAreAllServed() throws IOException {
        int refused = 0;
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs)) {
            for (int i = 0; i < 1000; i++) {
                try (HostConnection host = modem.connect()) {
                    host.command("AT");
                    if (!host.readUntil("OK\r\n", Duration.ofSeconds(5)).endsWith("\r\nOK\r\n")) {
                        refused++;
                    }
                } catch (IOException closedByTheModule) {
                    refused++;
                }
            }
        }
        assertThat(refused).as("connections refused of 1000").isZero();
    }

    @Test
    @Timeout(30)
    void aSecondHostIsRefusedAfterTheGraceWhileTheFirstStays() throws IOException {
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs);
             HostConnection first = modem.connect()) {
            first.command("AT");
            first.readUntil("OK\r\n", Duration.ofSeconds(5));
            long start = System.nanoTime();
            try (HostConnection second = modem.connect()) {
                second.command("AT");
                assertThat(second.drain(TcpTransport.RECONNECT_GRACE.plusSeconds(5))).isEmpty();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TcpTransport.RECONNECT_GRACE.plusSeconds(2));
            first.command("AT");
            assertThat(first.readUntil("OK\r\n", Duration.ofSeconds(5))).isEqualTo("AT\r\r\nOK\r\n");
        }
    }
}
