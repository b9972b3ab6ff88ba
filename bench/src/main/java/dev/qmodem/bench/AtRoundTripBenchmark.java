package dev.qmodem.bench;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints AT round trips per second over loopback TCP ({@code AT} -> {@code OK}, one host, one at a time and
 * pipelined) and the time {@code qmodem serve} takes from process start to its ready line.
 * Run: {@code scripts/bench.sh at} (or this class with the qmodem jar path as the argument).
 */
public final class AtRoundTripBenchmark {

    private static final byte[] AT = "AT\r".getBytes(StandardCharsets.US_ASCII);
    private static final int OK_LENGTH = "\r\nOK\r\n".length();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "cli/target/qmodem.jar");
        Path ufs = Files.createTempDirectory("qmodem-bench");
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs))) {
            TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
            transport.start(modem);
            try (Socket socket = new Socket("127.0.0.1", transport.port())) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                out.write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
                readFully(in, "ATE0\r\r\nOK\r\n".length());
                sequential(in, out, 20_000);
                double[] sequential = new double[5];
                for (int i = 0; i < sequential.length; i++) {
                    sequential[i] = sequential(in, out, 40_000);
                }
                pipelined(in, out, 20_000, 100);
                double pipelined = pipelined(in, out, 500_000, 100);
                Arrays.sort(sequential);
                double baseline = echoBaseline();
                System.out.printf("AT round trips, one at a time: median %,.0f /s (min %,.0f, max %,.0f, 5 runs of 40,000)%n",
                        sequential[2], sequential[0], sequential[4]);
                System.out.printf("  same loop against a bare loopback echo server (no qmodem): %,.0f /s, qmodem ratio %.2f%n",
                        baseline, sequential[2] / baseline);
                System.out.printf("AT round trips, pipelined x100: %,.0f /s%n", pipelined);
            } finally {
                transport.close();
            }
        }
        if (Files.exists(jar)) {
            report("qmodem serve start to ready, AT port only (--no-ftp-server)", jar, ufs, "--no-ftp-server");
            report("qmodem serve start to ready, with the embedded FTP and FTPS server", jar, ufs,
                    "--ftp-port", "0", "--ftps-port", "0", "--ftps-implicit-port", "0");
        } else {
            System.out.println("start-to-ready skipped: no " + jar + " (build with ./qmodem --version first)");
        }
    }

    /** The floor this machine sets: the same host loop against a server that answers OK without parsing. */
    private static double echoBaseline() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> {
                try (Socket module = server.accept()) {
                    module.setTcpNoDelay(true);
                    InputStream in = module.getInputStream();
                    OutputStream out = module.getOutputStream();
                    byte[] ok = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                    byte[] buffer = new byte[64 * 1024];
                    while (in.read(buffer) > 0) {
                        out.write(ok);
                    }
                } catch (IOException e) {
                    // the benchmark closed its end
                }
            });
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setTcpNoDelay(true);
                sequential(socket.getInputStream(), socket.getOutputStream(), 20_000);
                double[] runs = new double[5];
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = sequential(socket.getInputStream(), socket.getOutputStream(), 40_000);
                }
                Arrays.sort(runs);
                return runs[2];
            } finally {
                echo.interrupt();
            }
        }
    }

    private static double sequential(InputStream in, OutputStream out, int count) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            out.write(AT);
            readFully(in, OK_LENGTH);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double pipelined(InputStream in, OutputStream out, int count, int depth) throws IOException {
        byte[] batch = new byte[AT.length * depth];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(AT, 0, batch, i * AT.length, AT.length);
        }
        long start = System.nanoTime();
        for (int sent = 0; sent < count; sent += depth) {
            out.write(batch);
            readFully(in, OK_LENGTH * depth);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void readFully(InputStream in, int length) throws IOException {
        byte[] buffer = new byte[Math.max(length, 1)];
        int read = 0;
        while (read < length) {
            int n = in.read(buffer, read, length - read);
            if (n < 0) {
                throw new IOException("module closed the connection");
            }
            read += n;
        }
    }

    private static void report(String what, Path jar, Path ufs, String... flags) throws IOException, InterruptedException {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            times[i] = startToReady(jar, ufs, flags);
        }
        Arrays.sort(times);
        System.out.printf("%s: median %.0f ms (min %.0f, max %.0f, 5 runs)%n", what, times[2], times[0], times[4]);
    }

    private static double startToReady(Path jar, Path ufs, String... flags) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "serve", "--listen", "127.0.0.1:0",
                "--ufs", ufs.toString(), "--no-control"));
        command.addAll(List.of(flags));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("ready")) {
                    return (System.nanoTime() - start) / 1e6;
                }
            }
            throw new IOException("qmodem serve ended without a ready line");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
