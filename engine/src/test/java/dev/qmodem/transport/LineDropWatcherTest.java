package dev.qmodem.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LineDropWatcherTest {

    private final AtomicBoolean line = new AtomicBoolean(true);
    private final Semaphore drops = new Semaphore(0);

    /** Waits until the sampler has read the line at least twice more, so the last change was seen. */
    private final Semaphore samples = new Semaphore(0);

    private boolean sampleLine() {
        samples.release();
        return line.get();
    }

    private void awaitSamples() throws InterruptedException {
        samples.drainPermits();
        assertThat(samples.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runsTheActionOncePerHighToLowTransition() throws Exception {
        try (LineDropWatcher watcher = new LineDropWatcher("test-dsr", this::sampleLine, Duration.ofMillis(5), drops::release)) {
            awaitSamples();
            assertThat(drops.availablePermits()).isZero();

            line.set(false);
            assertThat(drops.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            awaitSamples();
            assertThat(drops.availablePermits()).as("staying low is not another drop").isZero();

            line.set(true);
            awaitSamples();
            line.set(false);
            assertThat(drops.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aLineThatStartsLowIsNotADrop() throws Exception {
        line.set(false);
        try (LineDropWatcher watcher = new LineDropWatcher("test-dsr", this::sampleLine, Duration.ofMillis(5), drops::release)) {
            awaitSamples();
            assertThat(drops.availablePermits()).isZero();
        }
    }
}
