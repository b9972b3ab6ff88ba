package dev.qmodem.bench;

import dev.qmodem.fleet.Fleet;
import dev.qmodem.fleet.FleetConfig;
import dev.qmodem.fleet.ModelMix;
import dev.qmodem.load.LoadResult;
import dev.qmodem.load.LoadRun;
import dev.qmodem.load.Payload;
import dev.qmodem.load.Shard;
import dev.qmodem.load.Workload;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.Vsftpd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints what a fleet costs: for each size, the time from the first module built to the last AT port listening,
 * the heap each idle module holds after a full GC, and the platform threads the process has; then a fleet running
 * issue 14's session (scale-workload.yaml) against vsftpd, with every uploaded file checked byte for byte on the
 * server. Figures only, nothing asserted. Run: {@code scripts/bench.sh scale [sizes [modules [iterations [ramp]]]]}
 * (default {@code 10,1000,10000}, 1000, 3, and a ramp of 10 modules a second, the 200 in 20 s).
 */
public final class ScaleBenchmark {

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Stream.of((args.length > 0 ? args[0] : "10,1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int loadModules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Duration ramp = args.length > 3 ? Duration.ofSeconds(Long.parseLong(args[3]))
                : Duration.ofMillis(100L * loadModules);
        System.out.printf("fleet scale on %d cores, %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%8s %12s %14s %14s %16s %18s%n", "modules", "ready (s)", "CPU (s)", "idle heap/mod",
                "platform threads", "threads/module");
        idle(10, false); // warm-up: class loading and JIT would otherwise land on the first size
        for (int size : sizes) {
            idle(size, true);
        }
        if (loadModules > 0) {
            load(loadModules, iterations, ramp);
        }
    }

    private static void idle(int count, boolean print) throws IOException {
        Path ufs = Files.createTempDirectory("qmodem-scale-");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            long heapBefore = settledHeap();
            int threadsBefore = threads.getThreadCount();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            try (Fleet fleet = Fleet.start(FleetConfig.of(ModelMix.parse("BG95").assign(count),
                    new InetSocketAddress("127.0.0.1", 0), ufs))) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                long heap = settledHeap() - heapBefore;
                int added = threads.getThreadCount() - threadsBefore;
                if (print) {
                    System.out.printf("%8d %12.2f %14.2f %10.1f KiB %16d %18.3f%n", fleet.modules().size(), seconds,
                            cpu, heap / 1024.0 / count, threads.getThreadCount(), added / (double) count);
                }
            }
        } finally {
            deleteTree(ufs);
        }
    }

    private static void load(int count, int iterations, Duration ramp) throws Exception {
        Peers.requireVsftpd();
        Workload workload = scaleWorkload().resized(count, "BG95", iterations, ramp);
        Path ufs = Files.createTempDirectory("qmodem-scale-");
        // vsftpd for a thousand devices: every one may be connected at once, logins are hashed cheaply and the
        // listener keeps accepting (see Vsftpd.Builder); a passive port is held only from PASV to the data connection,
        // so 500 leave vsftpd's random pick (10 tries) a free one
        String clients = Integer.toString(count * 2);
        try (Vsftpd server = Vsftpd.builder().manyLogins().priorityListener().passivePortCount(Math.min(count, 500))
                .option("max_clients", clients).option("max_per_ip", clients)
                .start();
             Fleet fleet = Fleet.start(FleetConfig.of(ModelMix.parse("BG95").assign(count),
                     new InetSocketAddress("127.0.0.1", 0), ufs))) {
            System.out.printf("%nworkload: %d modules x %d iterations of issue 14's session (open, put 10 KiB through "
                    + "COM: with <uploadlen>, close, sleep 1s~0.5s) against vsftpd, ramp %d s; load average %s%n",
                    count, iterations, workload.ramp().toSeconds(), loadAverage());
            List<LoadRun.Target> targets = fleet.modules().stream()
                    .map(m -> new LoadRun.Target(m.id(), "127.0.0.1", m.port())).toList();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            threads.resetPeakThreadCount();
            LoadResult result = LoadRun.run(workload,
                    new Workload.Server(server.host(), server.port(), server.user(), server.password()), targets,
                    Shard.WHOLE, System.out, false);
            result.printSummary(System.out);
            long heap = memory.getHeapMemoryUsage().getUsed();
            int expected = count * iterations;
            List<String> wrong = new ArrayList<>();
            for (int id = 0; id < count; id++) {
                for (int iteration = 0; iteration < iterations; iteration++) {
                    String name = "dev-" + id + "-" + iteration + ".bin";
                    Path file = server.root().resolve(name);
                    if (!Files.exists(file) || !Payload.matches(file, name, 10 * 1024)) {
                        wrong.add(name);
                    }
                }
            }
            System.out.printf("files byte-exact on vsftpd: %d of %d; peak platform threads %d; heap after the run "
                    + "%.1f MiB; load average %s%n", expected - wrong.size(), expected, threads.getPeakThreadCount(),
                    heap / 1024.0 / 1024, loadAverage());
            if (!wrong.isEmpty()) {
                Path log = Files.createTempFile("qmodem-scale-vsftpd-", ".log");
                Files.copy(server.log(), log, StandardCopyOption.REPLACE_EXISTING);
                System.out.printf("missing or different: %s%s; vsftpd's log kept in %s%n",
                        String.join(" ", wrong.subList(0, Math.min(10, wrong.size()))), wrong.size() > 10 ? " ..." : "",
                        log);
            }
        } finally {
            deleteTree(ufs);
        }
    }

    private static Workload scaleWorkload() throws IOException {
        try (InputStream in = ScaleBenchmark.class.getResourceAsStream("scale-workload.yaml")) {
            return Workload.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The machine's 1-minute load average: other builds share the two cores. */
    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of the whole process: on a shared machine the wall time says more about the neighbours. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Used heap after full collections, once it stops shrinking. */
    private static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
