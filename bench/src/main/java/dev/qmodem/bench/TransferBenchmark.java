package dev.qmodem.bench;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.os.SocketBuffers;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.Vsftpd;
import dev.qmodem.transport.TcpTransport;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Measures qmodem's FTP(S) transfers side by side with curl, in one run, against one vsftpd (plain FTP and explicit
 * FTPS on the same server, {@code require_ssl_reuse=YES}) and one file, and prints both speeds and their ratio.
 * <ul>
 *   <li>curl is timed by its own {@code -w} timers: from {@code %{time_pretransfer}} to {@code %{time_total}},
 *       for {@code %{size_download}} or {@code %{size_upload}} bytes; it writes to {@code /dev/null} (rows to the
 *       host) or to a file (rows to UFS) and uploads from the file.</li>
 *   <li>qmodem is timed from {@code CONNECT} to the last byte read (GET to {@code COM:}), from {@code CONNECT} to
 *       the {@code +QFTPPUT} URC (PUT from {@code COM:}), and from {@code OK} to the URC (to and from UFS files).
 *       The host is in this JVM, on a TCP socket, and reads and writes 1 MiB at a time through a direct buffer.</li>
 *   <li>A transfer through {@code COM:} puts three processes on the cores (the host, qmodem, the server) where curl
 *       puts two; it is also measured against curl with a pipe to a third process, {@code cat file | curl -T -} and
 *       {@code curl -o - | cat >/dev/null}.</li>
 *   <li>Besides each side's own CPU time, the machine's (all processes and the kernel, from {@code /proc/stat}) is
 *       printed per GiB: what the whole transfer cost the cores. For curl it is sampled every 10 ms (the unit of
 *       {@code /proc/stat}) and taken between curl's own two timers, so that its start and login are not counted.</li>
 *   <li>Each row runs {@code rounds} times after one round that is not counted (the JIT's and the file system's
 *       first pass), curl and qmodem alternating which goes first; the figure is the median.</li>
 * </ul>
 * The machine's load average is printed with the figures: compare ratios within one run only.
 * <p>
 * Run: {@code scripts/bench.sh transfer [MiB] [--rounds N] [--rows name,name] [--qmodem-only] [--jfr file]} (default
 * 256 MiB, 3 rounds, every row); {@code --jfr} records the rounds (not the set-up) with JFR's profile settings and 1 ms CPU samples, which
 * is what {@code scripts/bench.sh profile} runs for each row and then sums up with {@link JfrTopFrames}.
 */
public final class TransferBenchmark {

    private static final int HOST_CHUNK = 1024 * 1024;
    private static final double MB = 1_000_000.0;
    private static final String SERVED = "big.bin";
    /** Files of the transfer's size at once: served, two uploads, two downloads, the UFS file to upload. */
    private static final int FILE_COPIES = 6;
    /** Memory /dev/shm must leave over for the processes, its files being memory too. */
    private static final long SHM_HEADROOM = 2L << 30;
    /** The unit of /proc/stat's times (USER_HZ), 100 on Linux's every architecture that qmodem runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** What a row moves, over which security, between the server and which local end. */
    enum Row {
        FTP_GET_COM(false, true, false),
        FTP_PUT_COM(false, false, false),
        FTPS_GET_COM(true, true, false),
        FTPS_PUT_COM(true, false, false),
        FTP_GET_UFS(false, true, true),
        FTP_PUT_UFS(false, false, true),
        FTPS_GET_UFS(true, true, true),
        FTPS_PUT_UFS(true, false, true);

        final boolean tls;
        final boolean get;
        final boolean ufs;

        Row(boolean tls, boolean get, boolean ufs) {
            this.tls = tls;
            this.get = get;
            this.ufs = ufs;
        }

        /** The name on the command line: {@code ftps-get-com}. */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String label() {
            return (tls ? "FTPS " : "FTP  ") + (get ? "GET " : "PUT ") + (ufs ? (get ? "to UFS  " : "from UFS") : "COM:    ");
        }

        String curlLabel() {
            return "curl" + (tls ? " --ssl-reqd" : "") + (get ? (ufs ? " -o file" : " -o /dev/null") : " -T file");
        }

        String pipedCurlLabel() {
            return get ? "curl -o - | cat >/dev/null" : "cat file | curl -T -";
        }
    }

    private record Options(long size, int rounds, List<Row> rows, boolean withCurl, Path jfr) {

        static Options parse(String[] args) {
            long size = 256L << 20;
            int rounds = 3;
            List<Row> rows = List.of(Row.values());
            boolean withCurl = true;
            Path jfr = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--rows" -> rows = Arrays.stream(args[++i].split(",")).map(TransferBenchmark::row).toList();
                    case "--qmodem-only" -> withCurl = false;
                    case "--jfr" -> jfr = Path.of(args[++i]);
                    default -> size = Long.parseLong(args[i]) << 20;
                }
            }
            return new Options(size, rounds, rows, withCurl, jfr);
        }
    }

    private static Row row(String key) {
        for (Row row : Row.values()) {
            if (row.key().equals(key)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row " + key + "; rows: "
                + Arrays.stream(Row.values()).map(Row::key).toList());
    }

    /**
     * One transfer: its speed in bytes/s and the CPU time it cost, in seconds per GiB moved: its own process's, and
     * the machine's (every process and the kernel).
     */
    private record Run(double speed, double cpuPerGib, double machineCpuPerGib) {
    }

    /** One row's runs per side, and the heap qmodem's JVM used at most while it ran. */
    private static final class Figures {
        final List<Run> curl = new ArrayList<>();
        /** Rows through COM: only: curl with a pipe to a third process, as many processes as host, qmodem and server. */
        final List<Run> curlThroughPipe = new ArrayList<>();
        final List<Run> qmodem = new ArrayList<>();
        long peakHeap;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Peers.requireVsftpd();
        Path work = scratchFolder(options.size());
        Path ufs = Files.createDirectories(work.resolve("ufs"));
        Path curlFiles = Files.createDirectories(work.resolve("curl"));
        System.out.printf("transfer of %d MiB over loopback against one vsftpd 3.0.3 (plain and explicit FTPS), "
                        + "files in %s, median of %d alternating rounds after one warm-up round; load average at start: %s%n",
                options.size() >> 20, work.getParent(), options.rounds(), loadAverage());
        System.out.printf("qmodem's data connections and host socket: %s%n", socketBuffers());
        Map<Row, Figures> figures = new EnumMap<>(Row.class);
        try (Vsftpd server = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).root(work.resolve("server"))
                .option("force_local_logins_ssl", "NO").option("force_local_data_ssl", "NO")
                .option("log_ftp_protocol", "NO").option("debug_ssl", "NO").start()) {
            Path served = server.root().resolve(SERVED);
            writeRandom(served, options.size());
            Peers.giveToFtpUser(served);
            Files.copy(served, ufs.resolve(SERVED));
            Properties profile = new Properties();
            profile.setProperty("fs.ufs.capacity", Long.toString(4 * options.size() + (64L << 20)));
            try (EmulatedModule modem = EmulatedModule.create(new ModuleConfig(Model.BG95, ufs, profile, Map.of()))) {
                TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
                transport.start(modem);
                try (Host host = Host.connect(transport.port());
                     Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                    host.configure(server);
                    if (options.jfr() != null) {
                        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
                        recording.setDestination(options.jfr());
                        recording.start();
                    }
                    Boolean openTls = null;
                    // Round -1 warms up and is not counted: the first write of each file allocates its pages.
                    for (int round = -1; round < options.rounds(); round++) {
                        for (Row row : options.rows()) {
                            if (openTls == null || openTls != row.tls) {
                                if (openTls != null) {
                                    host.command("AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
                                }
                                host.open(server, row.tls);
                                openTls = row.tls;
                            }
                            Figures f = round < 0 ? new Figures() : figures.computeIfAbsent(row, r -> new Figures());
                            boolean curlFirst = round % 2 == 0;
                            if (options.withCurl() && curlFirst) {
                                curlRuns(row, f, server, served, curlFiles, work);
                            }
                            HeapSampler heap = HeapSampler.start();
                            long cpuBefore = moduleCpuNanos();
                            long machineBefore = machineCpuNanos();
                            double speed = host.transfer(row, options.size(), served);
                            f.qmodem.add(new Run(speed, perGib(moduleCpuNanos() - cpuBefore, options.size()),
                                    perGib(machineCpuNanos() - machineBefore, options.size())));
                            f.peakHeap = Math.max(f.peakHeap, heap.stop());
                            if (options.withCurl() && !curlFirst) {
                                curlRuns(row, f, server, served, curlFiles, work);
                            }
                        }
                    }
                    if (options.jfr() != null) {
                        recording.stop();
                    }
                } finally {
                    transport.close();
                }
            }
        } finally {
            deleteTree(work);
        }
        report(options, figures);
    }

    private static void report(Options options, Map<Row, Figures> figures) {
        System.out.printf("load average at end: %s (2 shared cores: speeds are noisy, compare ratios within one run; "
                + "CPU s/GiB is the steadier figure: qmodem's JVM without the host thread, curl's process; "
                + "machine: every process and the kernel)%n",
                loadAverage());
        for (Map.Entry<Row, Figures> entry : figures.entrySet()) {
            Row row = entry.getKey();
            Figures f = entry.getValue();
            double qmodem = median(f.qmodem, Run::speed);
            double qmodemCpu = median(f.qmodem, Run::cpuPerGib);
            String heap = String.format("peak heap %.0f MiB", f.peakHeap / 1048576.0);
            if (f.curl.isEmpty()) {
                System.out.printf("  %s  qmodem %7.1f MB/s %s  CPU %.2f s/GiB   %s%n",
                        row.label(), qmodem / MB, rounds(f.qmodem), qmodemCpu, heap);
                continue;
            }
            double curl = median(f.curl, Run::speed);
            double curlCpu = median(f.curl, Run::cpuPerGib);
            System.out.printf("  %s  qmodem %7.1f MB/s %s  %-29s %7.1f MB/s %s  ratio %.2f"
                            + "   CPU s/GiB qmodem %.2f curl %.2f, machine %.2f / %.2f   %s%n",
                    row.label(), qmodem / MB, rounds(f.qmodem), row.curlLabel(), curl / MB, rounds(f.curl),
                    qmodem / curl, qmodemCpu, curlCpu, median(f.qmodem, Run::machineCpuPerGib),
                    median(f.curl, Run::machineCpuPerGib), heap);
            if (!f.curlThroughPipe.isEmpty()) {
                double piped = median(f.curlThroughPipe, Run::speed);
                System.out.printf("  %s  %-29s %7.1f MB/s %s  qmodem / this %.2f (curl / this %.2f)"
                                + "   machine CPU s/GiB %.2f%n",
                        " ".repeat(row.label().length()), row.pipedCurlLabel(), piped / MB,
                        rounds(f.curlThroughPipe), qmodem / piped, curl / piped,
                        median(f.curlThroughPipe, Run::machineCpuPerGib));
            }
        }
        System.out.printf("  (max heap %.0f MiB)%n", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static String rounds(List<Run> runs) {
        return runs.stream().map(r -> String.format("%.0f", r.speed() / MB)).toList().toString();
    }

    /** CPU time of this JVM but for the calling (host) thread: the module's threads, GC and JIT. */
    private static long moduleCpuNanos() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return process - ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time the whole machine spent, every core: user, system, interrupts and steal, from /proc/stat. */
    private static long machineCpuNanos() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busyTicks = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal (guest is in user)
            busyTicks += Long.parseLong(fields[i]);
        }
        return busyTicks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    private static double perGib(long cpuNanos, long bytes) {
        return cpuNanos / 1e9 / (bytes / (double) (1L << 30));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * curl's runs of a row. A row through COM: has a third process on the cores (the host, qmodem, the server), so it
     * is also measured against curl with a pipe to {@code cat}, which has three too.
     */
    private static void curlRuns(Row row, Figures f, Vsftpd server, Path served, Path curlFiles, Path work)
            throws IOException, InterruptedException {
        f.curl.add(curl(row, server, served, curlFiles, work, false));
        if (!row.ufs) {
            f.curlThroughPipe.add(curl(row, server, served, curlFiles, work, true));
        }
    }

    /**
     * One curl run, timed from its pretransfer point to its end by its own timers; its CPU time (user + sys, the
     * pipe's other process included) and the machine's over the whole run.
     */
    private static Run curl(Row row, Vsftpd server, Path served, Path curlFiles, Path work, boolean throughPipe)
            throws IOException, InterruptedException {
        Path times = work.resolve("curl-times");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString(),
                "curl", "-sS"));
        if (row.tls) {
            command.addAll(List.of("--ssl-reqd", "-k"));
        }
        String url = "ftp://" + server.user() + ":" + server.password() + "@127.0.0.1:" + server.port() + "/";
        Path downloaded = curlFiles.resolve("down.bin");
        if (row.get) {
            command.addAll(List.of("-o", row.ufs ? downloaded.toString() : "/dev/null", url + SERVED));
        } else {
            command.addAll(List.of("-T", served.toString(), url + "curl-up.bin"));
        }
        // %{stderr}: the timers stay out of the body when curl writes it to a pipe
        command.addAll(List.of("-w", "%{stderr}%{time_pretransfer} %{time_total} %{size_download} %{size_upload}"));
        if (throughPipe) {
            List<String> curl = command.subList(command.indexOf("curl"), command.size());
            curl.set(curl.indexOf(row.get ? "/dev/null" : served.toString()), "-");
            String quoted = String.join(" ", curl.stream().map(a -> "'" + a + "'").toList());
            String pipeline = row.get ? quoted + " | cat >/dev/null" : "cat '" + served + "' | " + quoted;
            curl.clear();
            command.addAll(List.of("sh", "-c", pipeline));
        }
        MachineCpuSampler machine = MachineCpuSampler.start();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (process.waitFor() != 0) {
            throw new IOException("curl failed: " + output);
        }
        List<long[]> samples = machine.stop();
        Files.deleteIfExists(downloaded);
        String[] timers = output.split(" ");
        double seconds = Double.parseDouble(timers[1]) - Double.parseDouble(timers[0]);
        long machineNanos = MachineCpuSampler.busyBetween(samples, started + (long) (Double.parseDouble(timers[0]) * 1e9),
                started + (long) (Double.parseDouble(timers[1]) * 1e9));
        long bytes = Long.parseLong(timers[row.get ? 2 : 3]);
        String[] cpu = Files.readString(times).trim().split(" ");
        double cpuSeconds = Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1]);
        return new Run(bytes / seconds, cpuSeconds / (bytes / (double) (1L << 30)),
                perGib(machineNanos, bytes));
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] block = new byte[HOST_CHUNK];
        new Random(7).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /**
     * Where the served, uploaded and UFS files go: a RAM file system when the machine has one, so that the disk's
     * write-back of the previous round's gigabyte does not decide an upload's speed (both sides write there); /dev/shm
     * only when it holds the files with room to spare, as its files are memory (an 8 GiB run on a machine with 24 GiB
     * filled it and had the benchmark killed).
     */
    private static Path scratchFolder(long size) throws IOException {
        Path shm = Path.of("/dev/shm");
        boolean roomy = Files.isDirectory(shm) && Files.isWritable(shm)
                && Files.getFileStore(shm).getUsableSpace() > FILE_COPIES * size + SHM_HEADROOM;
        Path work = roomy
                ? Files.createTempDirectory(shm, "qmodem-bench-transfer")
                : Files.createTempDirectory("qmodem-bench-transfer");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // vsftpd's user goes in
        return work;
    }

    private static String socketBuffers() {
        int receive = SocketBuffers.receive();
        int send = SocketBuffers.send();
        return (receive > 0 ? "receive buffer " + (receive >> 20) + " MiB" : "receive buffer autotuned")
                + (send > 0 ? ", send buffer " + (send >> 20) + " MiB" : ", send buffer autotuned")
                + " (net.core.rmem_max/wmem_max below " + (SocketBuffers.WANTED >> 20) + " MiB: autotuned)";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The host end: commands with their exact expected answers, and bulk data moved 1 MiB at a time through a
     * direct buffer (read and dropped as curl writing to /dev/null does; sent from the file as curl -T does).
     */
    private static final class Host implements AutoCloseable {
        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(HOST_CHUNK);

        private Host(SocketChannel channel) throws IOException {
            this.channel = channel;
            in = channel.socket().getInputStream();
            out = channel.socket().getOutputStream();
        }

        static Host connect(int port) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.socket().setTcpNoDelay(true);
            return new Host(channel);
        }

        void configure(Vsftpd server) throws IOException {
            command("ATE0", "ATE0\r\r\nOK\r\n");
            command("AT+QIACT=1", "\r\nOK\r\n");
            command("AT+QFTPCFG=\"account\",\"" + server.user() + "\",\"" + server.password() + "\"", "\r\nOK\r\n");
            command("AT+QFTPCFG=\"transmode\",1", "\r\nOK\r\n");
            command("AT+QFTPCFG=\"filetype\",0", "\r\nOK\r\n");
            for (int context = 0; context <= 1; context++) {
                command("AT+QSSLCFG=\"seclevel\"," + context + ",0", "\r\nOK\r\n");
                command("AT+QSSLCFG=\"sslversion\"," + context + ",4", "\r\nOK\r\n");
                command("AT+QSSLCFG=\"ciphersuite\"," + context + ",0XFFFF", "\r\nOK\r\n");
            }
        }

        void open(Vsftpd server, boolean tls) throws IOException {
            command("AT+QFTPCFG=\"ssltype\"," + (tls ? 2 : 0), "\r\nOK\r\n");
            command("AT+QFTPOPEN=\"127.0.0.1\"," + server.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");
        }

        /** Runs one qmodem transfer of {@code size} bytes and returns its speed in bytes/s. */
        double transfer(Row row, long size, Path served) throws IOException {
            long start;
            if (row.ufs && row.get) {
                command("AT+QFTPGET=\"" + SERVED + "\",\"UFS:down.bin\"", "\r\nOK\r\n");
                start = System.nanoTime();
                expect("\r\n+QFTPGET: 0," + size + "\r\n");
            } else if (row.ufs) {
                command("AT+QFTPPUT=\"qmodem-up.bin\",\"UFS:" + SERVED + "\"", "\r\nOK\r\n");
                start = System.nanoTime();
                expect("\r\n+QFTPPUT: 0," + size + "\r\n");
            } else if (row.get) {
                command("AT+QFTPGET=\"" + SERVED + "\",\"COM:\"", "\r\nCONNECT\r\n");
                start = System.nanoTime();
                drop(size);
                long end = System.nanoTime();
                expect("\r\nOK\r\n\r\n+QFTPGET: 0," + size + "\r\n");
                return size / ((end - start) / 1e9);
            } else {
                command("AT+QFTPPUT=\"qmodem-up.bin\",\"COM:\",0," + size + ",1", "\r\nCONNECT\r\n");
                start = System.nanoTime();
                send(served);
                expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + size + "\r\n");
            }
            return size / ((System.nanoTime() - start) / 1e9);
        }

        void command(String line, String answer) throws IOException {
            out.write((line + "\r").getBytes(StandardCharsets.ISO_8859_1));
            expect(answer);
        }

        void expect(String answer) throws IOException {
            byte[] got = in.readNBytes(answer.length());
            String text = new String(got, StandardCharsets.ISO_8859_1);
            if (!text.equals(answer)) {
                throw new IOException("expected " + answer.strip() + " but got " + text.strip());
            }
        }

        private void send(Path file) throws IOException {
            try (FileChannel source = FileChannel.open(file)) {
                while (source.read(buffer.clear()) > 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            }
        }

        private void drop(long count) throws IOException {
            long left = count;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new IOException("module closed the connection with " + left + " bytes to go");
                }
                left -= n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Runs a sample every 10 ms on a daemon thread, from the first at once until {@link #stop}. */
    private static final class Sampling {
        /** One sample; an IOException ends the sampling. */
        @FunctionalInterface
        interface Sample {
            void take() throws IOException;
        }

        private volatile boolean running = true;
        private final Thread thread;

        Sampling(Sample sample) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (running) {
                        sample.take();
                        Thread.sleep(10);
                    }
                } catch (IOException | InterruptedException e) {
                    // the figures so far stand
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /**
     * The machine's busy CPU time while a curl runs, every 10 ms (the unit of {@code /proc/stat}): pairs of
     * {@code {nanoTime, busy nanos}}.
     */
    private static final class MachineCpuSampler {
        private final List<long[]> samples = new ArrayList<>();
        private Sampling sampling;

        static MachineCpuSampler start() {
            MachineCpuSampler sampler = new MachineCpuSampler();
            sampler.sampling = new Sampling(() -> {
                long busy = machineCpuNanos();
                synchronized (sampler.samples) {
                    sampler.samples.add(new long[] {System.nanoTime(), busy});
                }
            });
            return sampler;
        }

        List<long[]> stop() throws InterruptedException {
            sampling.stop();
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        /** Busy time between two instants, read off the samples around each (linear between two samples). */
        static long busyBetween(List<long[]> samples, long from, long to) {
            return busyAt(samples, to) - busyAt(samples, from);
        }

        private static long busyAt(List<long[]> samples, long time) {
            long[] before = samples.get(0);
            for (long[] sample : samples) {
                if (sample[0] >= time) {
                    if (sample[0] == before[0]) {
                        return sample[1];
                    }
                    double part = (time - before[0]) / (double) (sample[0] - before[0]);
                    return before[1] + (long) (part * (sample[1] - before[1]));
                }
                before = sample;
            }
            return before[1];
        }
    }

    /** The heap in use every 10 ms, and its peak. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private Sampling sampling;

        static HeapSampler start() {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.sampling = new Sampling(
                    () -> sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max));
            return sampler;
        }

        long stop() throws InterruptedException {
            sampling.stop();
            return peak.get();
        }
    }
}
