package dev.qmodem.load;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of a run (modules active, operations, errors) and their display: on a terminal one line rewritten
 * every second, in a log one line every ten seconds.
 */
final class Progress {

    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder operations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicInteger finished = new AtomicInteger();

    void started() {
        active.incrementAndGet();
    }

    void ended() {
        active.decrementAndGet();
        finished.incrementAndGet();
    }

    void operation(boolean failed) {
        operations.increment();
        if (failed) {
            errors.increment();
        }
    }

    long operations() {
        return operations.sum();
    }

    long errors() {
        return errors.sum();
    }

    /**
     * Shows the counters on {@code out} until the thread is interrupted.
     *
     * @param terminal rewrite one line in place every second instead of printing a line every ten seconds
     */
    void show(PrintStream out, boolean terminal, int modules) {
        long intervalMillis = terminal ? 1000 : 10_000;
        long lastOperations = 0;
        long last = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(intervalMillis);
                long now = System.nanoTime();
                long ops = operations();
                double rate = (ops - lastOperations) * 1e9 / Math.max(1, now - last);
                String line = String.format("modules active %d/%d, done %d, operations %d (%.1f/s), errors %d",
                        active.get(), modules, finished.get(), ops, rate, errors());
                if (terminal) {
                    out.print("\r" + line + "\033[K");
                } else {
                    out.println(line);
                }
                out.flush();
                lastOperations = ops;
                last = now;
            }
        } catch (InterruptedException e) {
            if (terminal) {
                out.println();
            }
        }
    }
}
