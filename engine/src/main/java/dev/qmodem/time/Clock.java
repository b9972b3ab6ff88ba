package dev.qmodem.time;

import java.util.concurrent.TimeUnit;

/**
 * The module's one source of time and timers: guard times, silence timeouts, write watchdogs. Injected, so tests
 * can run them on virtual time ({@link VirtualClock}) instead of sleeping.
 */
public interface Clock {

    /** A scheduled task; cancelling one that has run or was cancelled does nothing. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once, {@code delay} from now. Tasks must not block: they share one thread. */
    Timer schedule(Runnable task, long delay, TimeUnit unit);
}
