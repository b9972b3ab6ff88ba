package dev.qmodem.ftp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where an FTP session reads time: the deadline of each control operation is armed here. One seam, so that a test
 * clock or the module's own scheduler can stand in for the system's.
 */
public interface FtpClock {

    /** Runs {@code expiry} once {@code delay} has passed; the returned action cancels it if it has not run yet. */
    Runnable schedule(Duration delay, Runnable expiry);

    /** The clock of a scheduler: the module passes its own timer. */
    static FtpClock of(ScheduledExecutorService scheduler) {
        return (delay, expiry) -> {
            ScheduledFuture<?> pending = scheduler.schedule(expiry, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> pending.cancel(false);
        };
    }

    /** The system clock, on one shared daemon thread. */
    static FtpClock system() {
        return SystemScheduler.CLOCK;
    }

    /** Holds the shared scheduler, created on first use. */
    final class SystemScheduler {
        private static final FtpClock CLOCK = of(Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("qmodem-ftp-deadlines").factory()));

        private SystemScheduler() {
        }
    }
}
