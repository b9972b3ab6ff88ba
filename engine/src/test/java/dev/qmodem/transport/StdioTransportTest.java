package dev.qmodem.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StdioTransportTest {

    @Test
    void echoesEveryByteValueAndEndsTheSessionWithTheInput() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch sessionOver = new CountDownLatch(1);
        try (StdioTransport transport = new StdioTransport(new ByteArrayInputStream(all), out)) {
            transport.start(link -> {
                try {
                    link.input().transferTo(link.output());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                sessionOver.countDown();
            });
            assertThat(transport.endpoint()).isEqualTo("stdio");
            assertThat(sessionOver.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(out.toByteArray()).isEqualTo(all);
    }

    @Test
    void everyWriteReachesTheHostWithoutWaitingForABufferToFill() throws Exception {
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (StdioTransport transport = new StdioTransport(InputStream.nullInputStream(), new BufferedOutputStream(host))) {
            transport.start(link -> {
                try {
                    link.output().write("\r\nOK\r\n".getBytes(US_ASCII));
                    written.countDown();
                    release.await();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(host.toString(US_ASCII)).isEqualTo("\r\nOK\r\n");
            release.countDown();
        }
    }
}
