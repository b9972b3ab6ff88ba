package dev.qmodem.time;

import java.util.concurrent.TimeUnit;

/**
 * One silence deadline for a whole transfer or connection, on the module's clock. Its owner marks when it starts
 * waiting for its peer ({@link #waiting()}) and when it stops ({@link #idle()}): a volatile write each, no timer per
 * wait, so it costs nothing per chunk. The one task on the clock re-arms itself for the current wait's end, and runs
 * the expiry once, when a single wait has lasted the timeout. The expiry ends the blocked I/O (closes a socket, wakes
 * a selector) rather than the waiter recomputing a deadline around a kernel wait, so it fires on virtual time too.
 */
public final class Watchdog {

    private static final long IDLE = Long.MIN_VALUE;

    private final Clock clock;
    private final long timeoutNanos;
    private final Runnable expiry;
    private volatile long waitingSince = IDLE;
    private volatile boolean expired;
    /** Guarded by this. */
    private boolean stopped;
    /** Guarded by this. */
    private Clock.Timer timer;

    private Watchdog(Clock clock, long timeoutNanos, Runnable expiry) {
        this.clock = clock;
        this.timeoutNanos = timeoutNanos;
        this.expiry = expiry;
    }

    /**
     * A watchdog that is idle until {@link #waiting()}.
     *
     * @param timeout the longest one wait may last; zero or less for none (the watchdog then never fires)
     * @param expiry  runs once on the clock's thread when a wait lasted {@code timeout}; must not block
     */
    public static Watchdog start(Clock clock, long timeout, TimeUnit unit, Runnable expiry) {
        Watchdog watchdog = new Watchdog(clock, unit.toNanos(timeout), expiry);
        if (watchdog.timeoutNanos > 0) {
            synchronized (watchdog) {
                watchdog.timer = clock.schedule(watchdog::check, watchdog.timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        return watchdog;
    }

    /** The owner starts waiting for its peer: the silence counts from now. */
    public void waiting() {
        waitingSince = clock.nanoTime();
    }

    /** The owner is busy elsewhere (or its wait ended): no silence counts until the next {@link #waiting()}. */
    public void idle() {
        waitingSince = IDLE;
    }

    /** Whether the expiry ran: a wait lasted the timeout. */
    public boolean expired() {
        return expired;
    }

    /** Stops the watchdog: the expiry does not run after this returns, unless it was already running. */
    public synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void check() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            long since = waitingSince;
            long left = since == IDLE ? timeoutNanos : since + timeoutNanos - clock.nanoTime();
            if (left > 0) {
                timer = clock.schedule(this::check, left, TimeUnit.NANOSECONDS);
                return;
            }
            stopped = true;
            expired = true;
        }
        expiry.run();
    }
}
