package dev.qmodem.module;

import dev.qmodem.fault.Fault;
import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --timing realistic} over a real TCP host connection on virtual time: a command with a latency in the
 * profile answers exactly that much later on the module's clock, the forms without one at once, and a module with
 * instant timing answers at once.
 */
@Timeout(30)
class RealisticTimingTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Model.class)
    void aContextActivatesAfterTheProfilesLatency(Model model) throws Exception {
        long latency = ModelProfile.of(model).commandLatencies().get("+QIACT=");
        try (VirtualHost host = VirtualHost.start(VirtualHost.Line.TCP, model, work)) {
            host.modem().realisticTiming().forEach(host.modem().faults()::add);
            CountDownLatch held = new CountDownLatch(1);
            host.modem().faults().onInjected(injection -> {
                if (injection.kind().equals("delay")) {
                    held.countDown();
                }
            });
            host.send("ATE0\r");
            host.expect("ATE0\r\r\nOK\r\n");
            host.send("AT+QIACT?\r");
            host.expect("\r\nOK\r\n");

            host.send("AT+QIACT=1\r");
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            host.clock().advance(latency - 1, TimeUnit.MILLISECONDS);
            assertThat(host.pending()).as("nothing before %d ms", latency).isZero();
            host.clock().advance(1, TimeUnit.MILLISECONDS);
            host.expect("\r\nOK\r\n");
            host.send("AT+QIACT?\r");
            assertThat(host.readThrough("OK\r\n")).startsWith("\r\n+QIACT: 1,1,1,");
        }
    }

    @Test
    void realisticTimingIsTheModelsLinkAndADelayPerLatency() throws Exception {
        try (VirtualHost host = VirtualHost.start(VirtualHost.Line.TCP, Model.UC20, work)) {
            assertThat(host.modem().realisticTiming()).startsWith(Fault.Link.preset("umts"))
                    .contains(new Fault.Delay("+QIACT=", 1000), new Fault.Delay("+QFTPOPEN", 240))
                    .hasSize(1 + ModelProfile.of(Model.UC20).commandLatencies().size());
        }
    }

    @Test
    void instantTimingAnswersAtOnce() throws Exception {
        try (VirtualHost host = VirtualHost.start(VirtualHost.Line.TCP, Model.BG95, work)) {
            host.send("ATE0\r");
            host.expect("ATE0\r\r\nOK\r\n");
            host.send("AT+QIACT=1\r");
            host.expect("\r\nOK\r\n");
        }
    }
}
