package dev.qmodem.load;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workload: one device session per module on a virtual thread, started spread over the ramp, with live
 * progress, until every device has done its iterations or the duration is over.
 */
public final class LoadRun {

    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);

    /** Where one module's AT port is. */
    public record Target(String id, String host, int port) {
    }

    private LoadRun() {
    }

    /**
     * Runs {@code workload} against {@code targets} and returns the figures once every device is done.
     *
     * @param server   the FTP server the session's {@code ${server.*}} stand for
     * @param progress where live progress goes (null: none)
     * @param terminal progress rewrites one line in place, as on a terminal
     */
    public static LoadResult run(Workload workload, Workload.Server server, List<Target> targets, Shard shard,
                                 PrintStream progress, boolean terminal) throws InterruptedException {
        LoadPlan plan = LoadPlan.of(workload, server);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long deadline = workload.duration() == null ? Long.MAX_VALUE : start + workload.duration().toNanos();
        Thread display = progress == null ? null
                : Thread.ofVirtual().name("load-progress").start(() -> plan.progress().show(progress, terminal,
                        targets.size()));
        AtomicInteger devicesFailed = new AtomicInteger();
        List<Thread> devices = new ArrayList<>(targets.size());
        long rampNanos = workload.ramp().toNanos();
        for (int k = 0; k < targets.size(); k++) {
            Target target = targets.get(k);
            long startAt = start + (targets.size() <= 1 ? 0 : rampNanos * k / targets.size());
            devices.add(Thread.ofVirtual().name("device-" + target.id()).start(() -> {
                try {
                    Thread.sleep(Duration.ofNanos(Math.max(0, startAt - System.nanoTime())));
                    plan.progress().started();
                    try {
                        new DeviceSession(plan, target.id(), target.host(), target.port()).run(deadline);
                    } finally {
                        plan.progress().ended();
                    }
                } catch (IOException e) {
                    devicesFailed.incrementAndGet();
                    log.warn("device {} stopped: {}", target.id(), e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        try {
            for (Thread device : devices) {
                device.join();
            }
        } finally {
            devices.forEach(Thread::interrupt);
            if (display != null) {
                display.interrupt();
                display.join();
            }
        }
        return new LoadResult(plan.all(), targets.size(), devicesFailed.get(), shard.toString(), startedAt,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
