package dev.qmodem.fault;

import dev.qmodem.time.Clock;

import java.io.InterruptedIOException;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces one direction of a byte stream at a rate: each chunk takes its transmission time, and a chunk that starts
 * after a pause may first wait a latency plus a random jitter. Time comes from the module's nanosecond clock; the
 * jitter from a random source the caller seeds, drawn once per burst so a run with the same seed and the same
 * bursts waits the same.
 */
final class Pacer {

    private static final long CATCH_UP_NANOS = 50_000_000;

    private final Clock clock;
    private final SplittableRandom jitter;
    private long busyUntil;
    private boolean started;

    /** A pacer without jitter (the UART). */
    Pacer(Clock clock) {
        this(clock, null);
    }

    Pacer(Clock clock, SplittableRandom jitter) {
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * Waits until {@code bytes} have gone through at {@code bytesPerSecond} (0 = unlimited), after
     * {@code latencyNanos} and up to {@code jitterNanos} more if the stream had been idle for at least the latency.
     */
    void pass(long bytes, double bytesPerSecond, long latencyNanos, long jitterNanos) throws InterruptedIOException {
        sleepUntil(schedule(bytes, bytesPerSecond, latencyNanos, jitterNanos));
    }

    void pass(long bytes, double bytesPerSecond) throws InterruptedIOException {
        pass(bytes, bytesPerSecond, 0, 0);
    }

    /** When the chunk has gone through; {@link #pass} waits for it. */
    long schedule(long bytes, double bytesPerSecond, long latencyNanos, long jitterNanos) {
        long now = clock.nanoTime();
        // Within a burst the schedule continues from where it was, even slightly in the past, so a late wake-up
        // (a loaded machine) is made up instead of slowing the stream below its rate.
        boolean burstGoesOn = started && now - busyUntil <= Math.max(latencyNanos, CATCH_UP_NANOS);
        long start = burstGoesOn ? busyUntil : now + latencyNanos + draw(jitterNanos);
        started = true;
        busyUntil = start + (bytesPerSecond > 0 ? (long) (bytes * 1e9 / bytesPerSecond) : 0);
        return busyUntil;
    }

    private long draw(long jitterNanos) {
        return jitterNanos > 0 && jitter != null ? jitter.nextLong(jitterNanos + 1) : 0;
    }

    /** Parks until the clock reaches {@code deadline}; an interrupt ends the wait as an I/O interruption. */
    void sleepUntil(long deadline) throws InterruptedIOException {
        for (long left = deadline - clock.nanoTime(); left > 0; left = deadline - clock.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing");
            }
        }
    }

    void sleep(long millis) throws InterruptedIOException {
        sleepUntil(clock.nanoTime() + millis * 1_000_000);
    }
}
