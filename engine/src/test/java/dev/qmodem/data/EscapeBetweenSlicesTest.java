package dev.qmodem.data;

import dev.qmodem.at.AtSettings;
import dev.qmodem.at.ResultCode;
import dev.qmodem.at.ResponseWriter;
import dev.qmodem.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A download whose next slice comes while the escape's {@code OK} is going out waits for ATO; it is not ended as
 * if data mode were over (which answered a second {@code OK} and {@code +QFTPGET: 616,0} right after the escape's,
 * seen once in CI).
 */
class EscapeBetweenSlicesTest {

    private static final byte[] OK = "\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    @Timeout(10)
    void aSliceThatComesWhileTheEscapeIsAnsweredWaitsForAto() throws Exception {
        AtSettings settings = new AtSettings(new AtSettings.Defaults(false, true, false, 13, 10, 8, 50, 1, 1, 115200));
        HostOutput output = new HostOutput(new ResponseWriter(settings, code -> "error " + code), 10);
        CountDownLatch okGoingOut = new CountDownLatch(1);
        CountDownLatch letOkOut = new CountDownLatch(1);
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        output.attach(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                if (len == OK.length && new String(bytes, off, len, StandardCharsets.ISO_8859_1).equals("\r\nOK\r\n")) {
                    okGoingOut.countDown();
                    await(letOkOut);
                }
                synchronized (host) {
                    host.write(bytes, off, len);
                }
            }
        }, null);
        DataMode dataMode = new DataMode(output, settings, new VirtualClock(), 0);
        CountDownLatch firstSliceOut = new CountDownLatch(1);
        CountDownLatch secondSliceRead = new CountDownLatch(1);
        InputStream source = new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (reads++ == 1) {
                    firstSliceOut.countDown();
                    await(okGoingOut); // the next slice is read while the escape's OK is on its way
                    secondSliceRead.countDown();
                }
                buffer[off] = 'x';
                return 1;
            }
        };
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<String> completed = new AtomicReference<>();
        DataLink link = Outflow.start(dataMode, source, 3, null, true, () -> { }, task -> {
            Thread thread = new Thread(task, "outflow");
            worker.set(thread);
            thread.start();
        }, (flow, sent, failure) -> {
            completed.set(sent + " " + failure);
            flow.end(List.of(), ResultCode.OK);
        });
        dataMode.activate();
        await(firstSliceOut);

        Thread escaper = new Thread(dataMode::dtrDropped, "escape");
        escaper.start();
        await(secondSliceRead);
        while (completed.get() == null && worker.get().getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // the worker either waits for ATO or (the bug) ends the flow
        }
        letOkOut.countDown();
        escaper.join();

        assertThat(completed.get()).as("the flow ended while escaped").isNull();
        synchronized (host) {
            assertThat(host.toString(StandardCharsets.ISO_8859_1)).isEqualTo("x\r\nOK\r\n");
        }
        assertThat(dataMode.resume()).isTrue();
        dataMode.activate();
        worker.get().join();
        assertThat(completed.get()).isEqualTo("3 null");
        synchronized (host) {
            assertThat(host.toString(StandardCharsets.ISO_8859_1)).isEqualTo("x\r\nOK\r\nxx\r\nOK\r\n");
        }
        assertThat(link.ended()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
