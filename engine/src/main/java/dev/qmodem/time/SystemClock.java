package dev.qmodem.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: {@link System#nanoTime()} and one timer per module, on a virtual thread so that a fleet of thousands
 * of modules holds no platform thread for them.
 */
public final class SystemClock implements Clock, AutoCloseable {

    private final ScheduledExecutorService timer;

    public SystemClock() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("qmodem-timer").factory());
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(Runnable task, long delay, TimeUnit unit) {
        ScheduledFuture<?> future = timer.schedule(task, delay, unit);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
