package dev.qmodem.transport;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Samples a modem control line at a fixed period and runs an action each time it goes from high to low.
 * Polling is used because serial drivers do not all report line changes as events; at 50 ms it costs
 * nothing and is far quicker than a host's DTR pulse.
 */
final class LineDropWatcher implements Closeable {

    private final BooleanSupplier line;
    private final Runnable onDrop;
    private final ScheduledExecutorService sampler;
    private boolean wasHigh;

    LineDropWatcher(String name, BooleanSupplier line, Duration period, Runnable onDrop) {
        this.line = line;
        this.onDrop = onDrop;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        wasHigh = line.getAsBoolean();
        sampler.scheduleWithFixedDelay(this::sample, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sample() {
        boolean high = line.getAsBoolean();
        if (wasHigh && !high) {
            onDrop.run();
        }
        wasHigh = high;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
