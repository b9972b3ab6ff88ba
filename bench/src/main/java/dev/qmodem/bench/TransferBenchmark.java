package dev.qmodem.bench;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.Vsftpd;
import dev.qmodem.transport.TcpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints, side by side in one run against the same vsftpd and the same file, curl's download and upload speed and
 * qmodem's AT+QFTPGET / AT+QFTPPUT through {@code COM:} over loopback TCP, their ratio, and qmodem's peak heap.
 * Run: {@code scripts/bench.sh transfer [MiB]} (default 256 MiB).
 */
public final class TransferBenchmark {

    private static final int BUFFER = 256 * 1024;
    private static final double MB = 1_000_000.0;

    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 256) * 1024 * 1024;
        Peers.requireVsftpd();
        System.out.printf("transfer of %d MiB over loopback against vsftpd 3.0.3, curl and qmodem in one run%n", size >> 20);
        run(size, false);
        run(size, true);
    }

    /** One round against a plain or an explicit-FTPS vsftpd (require_ssl_reuse=YES). */
    private static void run(long size, boolean tls) throws Exception {
        try (Vsftpd server = Vsftpd.builder().tls(tls ? Vsftpd.Tls.EXPLICIT : Vsftpd.Tls.NONE).start()) {
            Path file = server.root().resolve("big.bin");
            writeRandom(file, size);
            Peers.giveToFtpUser(file);
            String url = "ftp://" + server.user() + ":" + server.password() + "@127.0.0.1:" + server.port() + "/";

            String[] curlTls = tls ? new String[] {"--ssl-reqd", "-k"} : new String[0];
            double curlDown = curl(curlTls, "-o", "/dev/null", "-w", "%{speed_download}", url + "big.bin");
            double curlUp = curl(curlTls, "-T", file.toString(), "-w", "%{speed_upload}", url + "curl-up.bin");

            Path ufs = Files.createTempDirectory("qmodem-bench-ufs");
            try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs))) {
                TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0));
                transport.start(modem);
                try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", transport.port()))) {
                    channel.socket().setTcpNoDelay(true);
                    Host host = new Host(channel);
                    host.command("ATE0", "ATE0\r\r\nOK\r\n");
                    host.command("AT+QIACT=1", "\r\nOK\r\n");
                    host.command("AT+QFTPCFG=\"account\",\"" + server.user() + "\",\"" + server.password() + "\"", "\r\nOK\r\n");
                    host.command("AT+QFTPCFG=\"transmode\",1", "\r\nOK\r\n");
                    if (tls) {
                        host.command("AT+QFTPCFG=\"ssltype\",2", "\r\nOK\r\n");
                        for (int context = 0; context <= 1; context++) {
                            host.command("AT+QSSLCFG=\"seclevel\"," + context + ",0", "\r\nOK\r\n");
                            host.command("AT+QSSLCFG=\"sslversion\"," + context + ",4", "\r\nOK\r\n");
                            host.command("AT+QSSLCFG=\"ciphersuite\"," + context + ",0XFFFF", "\r\nOK\r\n");
                        }
                    }
                    host.command("AT+QFTPOPEN=\"127.0.0.1\"," + server.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");

                    HeapSampler heap = HeapSampler.start();
                    long start = System.nanoTime();
                    host.command("AT+QFTPGET=\"big.bin\",\"COM:\"", "\r\nCONNECT\r\n");
                    host.skip(size);
                    host.expect("\r\nOK\r\n\r\n+QFTPGET: 0," + size + "\r\n");
                    double qmodemGet = size / ((System.nanoTime() - start) / 1e9);

                    start = System.nanoTime();
                    host.command("AT+QFTPPUT=\"qmodem-up.bin\",\"COM:\",0," + size + ",1", "\r\nCONNECT\r\n");
                    host.send(file);
                    host.expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + size + "\r\n");
                    double qmodemPut = size / ((System.nanoTime() - start) / 1e9);
                    long peak = heap.stop();

                    String kind = tls ? "FTPS (explicit)" : "FTP";
                    System.out.printf("  %-15s download: curl %8.1f MB/s   qmodem GET COM: %8.1f MB/s   ratio %.2f%n",
                            kind, curlDown / MB, qmodemGet / MB, qmodemGet / curlDown);
                    System.out.printf("  %-15s upload:   curl %8.1f MB/s   qmodem PUT COM: %8.1f MB/s   ratio %.2f%n",
                            kind, curlUp / MB, qmodemPut / MB, qmodemPut / curlUp);
                    System.out.printf("  %-15s qmodem JVM peak heap during both transfers: %.1f MiB (max heap %.0f MiB)%n", kind,
                            peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
                } finally {
                    transport.close();
                }
            }
        }
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] block = new byte[BUFFER];
        new Random(7).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static double curl(String[] options, String... args) throws IOException, InterruptedException {
        String[] command = new String[options.length + args.length + 2];
        command[0] = "curl";
        command[1] = "-sS";
        System.arraycopy(options, 0, command, 2, options.length);
        System.arraycopy(args, 0, command, 2 + options.length, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (process.waitFor() != 0) {
            throw new IOException("curl failed: " + output);
        }
        return Double.parseDouble(output);
    }

    /** The host end: commands with their exact expected answers, and bulk data read without keeping it. */
    /**
     * The host end, reading bulk data into a direct buffer and dropping it, as curl writing to /dev/null does, so
     * the figure is qmodem's and not the benchmark's copying.
     */
    private static final class Host {
        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private final ByteBuffer sink = ByteBuffer.allocateDirect(BUFFER);

        Host(SocketChannel channel) throws IOException {
            this.channel = channel;
            in = channel.socket().getInputStream();
            out = channel.socket().getOutputStream();
        }

        void command(String line, String answer) throws IOException {
            out.write((line + "\r").getBytes(StandardCharsets.ISO_8859_1));
            expect(answer);
        }

        void expect(String answer) throws IOException {
            byte[] expected = answer.getBytes(StandardCharsets.ISO_8859_1);
            byte[] got = in.readNBytes(expected.length);
            String text = new String(got, StandardCharsets.ISO_8859_1);
            if (!text.equals(answer)) {
                throw new IOException("expected " + answer.strip() + " but got " + text.strip());
            }
        }

        void send(Path file) throws IOException {
            try (InputStream source = Files.newInputStream(file)) {
                int n;
                while ((n = source.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
        }

        void skip(long count) throws IOException {
            long left = count;
            while (left > 0) {
                sink.clear().limit((int) Math.min(sink.capacity(), left));
                int n = channel.read(sink);
                if (n < 0) {
                    throw new IOException("module closed the connection with " + left + " bytes to go");
                }
                left -= n;
            }
        }
    }

    /** Samples the heap in use every 10 ms and keeps the peak. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.thread = Thread.ofPlatform().daemon().start(() -> {
                while (sampler.running) {
                    sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
