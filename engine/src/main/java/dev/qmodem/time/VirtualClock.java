package dev.qmodem.time;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time that moves only when told to: {@link #advance} runs the tasks that fall due, in order, on the caller's
 * thread. For tests of guard times and timeouts that must not sleep.
 */
public final class VirtualClock implements Clock {

    private record Task(long due, long order, Runnable action) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Runnable task, long delay, TimeUnit unit) {
        Task entry = new Task(now + Math.max(0, unit.toNanos(delay)), scheduled++, task);
        tasks.add(entry);
        return () -> remove(entry);
    }

    private synchronized void remove(Task task) {
        tasks.remove(task);
    }

    /** Moves time forward, running every task due by then (also those the tasks schedule) at its own time. */
    public void advance(long amount, TimeUnit unit) {
        long target;
        synchronized (this) {
            target = now + unit.toNanos(amount);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
            }
            next.action.run();
        }
    }
}
