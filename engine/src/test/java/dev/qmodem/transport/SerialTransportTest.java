package dev.qmodem.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class SerialTransportTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDeviceIsReportedByName() {
        SerialTransport transport = new SerialTransport(dir.resolve("ttyUSB9").toString(), 115200, false);
        assertThatThrownBy(() -> transport.start(link -> { }))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("ttyUSB9")
                .hasMessageContaining("no such serial device");
    }

    /** The pseudo-terminal's slave stands in for the serial device; its master is the host's end of the cable. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void carriesEveryByteValueBothWaysOverAPseudoTerminal() throws Exception {
        CompletableFuture<HostLink> hostEnd = new CompletableFuture<>();
        CountDownLatch hostDone = new CountDownLatch(1);
        CompletableFuture<byte[]> fromHost = new CompletableFuture<>();
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Path device = dir.resolve("cable");
        try (PtyTransport cable = new PtyTransport(device)) {
            cable.start(link -> {
                hostEnd.complete(link);
                awaitQuietly(hostDone);
            });
            try (SerialTransport serial = new SerialTransport(device.toString(), 115200, false)) {
                serial.start(module -> {
                    try {
                        fromHost.complete(module.input().readNBytes(256));
                        module.output().write("\r\nOK\r\n".getBytes(US_ASCII));
                    } catch (IOException e) {
                        fromHost.completeExceptionally(e);
                    }
                });
                assertThat(serial.endpoint()).isEqualTo("serial:" + device + "@115200");
                HostLink host = hostEnd.get(10, TimeUnit.SECONDS);
                host.output().write(all);
                assertThat(fromHost.get(10, TimeUnit.SECONDS)).isEqualTo(all);
                assertThat(new String(host.input().readNBytes(6), US_ASCII)).isEqualTo("\r\nOK\r\n");
            } finally {
                hostDone.countDown();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
