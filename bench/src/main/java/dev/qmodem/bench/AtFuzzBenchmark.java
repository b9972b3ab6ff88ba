package dev.qmodem.bench;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A long AT fuzz run (opt-in, not in CI): random command lines, from well-formed commands with random parameters to
 * random bytes, each written in random chunks, and after every one a probe the module must answer within 5 s.
 * Prints lines per second, probe latencies and the heap. Lines that legitimately stop the module from answering a
 * probe are not generated: changing S3/S4/S5, entering data mode (file uploads and downloads), powering down, and
 * reaching the network (AT+QIACT, AT+QFTPOPEN).
 * Run: {@code scripts/bench.sh fuzz [lines [seed]]} (default 1,000,000 lines, seed 1).
 */
public final class AtFuzzBenchmark {

    private static final Duration PROBE_WAIT = Duration.ofSeconds(5);
    private static final List<String> COMMANDS = List.of("", "E", "V", "Q", "I", "Z", "&F", "&W", "&D", "O", "A/",
            "S12", "S7", "+CMEE", "+CREG", "+CGATT", "+CSQ", "+COPS", "+CGMR", "+GSN", "+CPIN", "+IPR", "+QICSGP",
            "+QIDEACT", "+QIACT?", "+QFTPCFG", "+QFTPCLOSE", "+QFTPSTAT", "+QFTPLEN", "+QFTPCWD", "+QFTPPWD",
            "+QFTPSIZE", "+QFTPDEL", "+QFTPMKDIR", "+QFTPRMDIR", "+QFTPMDTM", "+QFTPRENAME", "+QFTPPUT",
            "+QFTPGET", "+QFTPLIST", "+QFTPNLST", "+QFTPMLSD", "+QFLDS", "+QFLST", "+QFDEL", "+QFOPEN", "+QFCLOSE",
            "+QFSEEK", "+QFPOSITION", "+QFTUCAT", "+QFCRC", "+QSSLCFG", "+NOSUCH");
    /** Lines after which silence is the documented answer, not deafness. */
    private static final Pattern EXCLUDED = Pattern.compile(
            "(?i).*(S\\s*[345]\\s*=|QFUPL|QFDWL|QFREAD|QFWRITE|QPOWD|CFUN|QIACT\\s*=|QFTPOPEN|COM:|ATO|;\\s*O|"
                    + "QFTPPUT|QFTPGET).*", Pattern.DOTALL);

    private AtFuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Random random = new Random(seed);
        Path ufs = Files.createTempDirectory("qmodem-fuzz");
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs))) {
            TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
            transport.start(modem);
            try (Socket socket = new Socket("127.0.0.1", transport.port())) {
                socket.setTcpNoDelay(true);
                run(socket, random, lines, seed);
            } finally {
                transport.close();
            }
        }
    }

    private static void run(Socket socket, Random random, long lines, long seed) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        long[] latencies = new long[(int) Math.min(lines, 1_000_000)];
        long start = System.nanoTime();
        long bytes = 0;
        for (long i = 0; i < lines; i++) {
            byte[] line = fuzzLine(random);
            String token = "fuzz" + i;
            // Restores the framing the fuzz line may have changed, then asks for an answer only this probe gives.
            byte[] probe = ("ATE1V1Q0;+QFTPCFG=\"account\",\"" + token + "\",\"x\";+QFTPCFG=\"account\"\r")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] both = Arrays.copyOf(line, line.length + probe.length);
            System.arraycopy(probe, 0, both, line.length, probe.length);
            long sent = System.nanoTime();
            writeInChunks(out, both, random);
            bytes += both.length;
            awaitProbe(socket, in, "+QFTPCFG: \"account\",\"" + token + "\",\"x\"\r\n\r\nOK\r\n", i, line);
            latencies[(int) (i % latencies.length)] = System.nanoTime() - sent;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("AT fuzz: %,d lines (seed %d, %,d bytes in random chunks of 1-64), the module answered "
                + "the probe after every one%n", lines, seed, bytes);
        System.out.printf("  %.1f s, %,.0f lines/s; probe round trip median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                seconds, lines / seconds, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
        System.out.printf("  heap after GC: %,d KiB used of %,d KiB max%n",
                (runtime.totalMemory() - runtime.freeMemory()) / 1024, runtime.maxMemory() / 1024);
    }

    /** One command line: well-formed, mangled, or random bytes; always ends in CR and is never excluded. */
    static byte[] fuzzLine(Random random) {
        while (true) {
            byte[] line = switch (random.nextInt(4)) {
                case 0 -> randomBytes(random, random.nextInt(1200));
                case 1 -> ("AT" + randomPrintable(random, random.nextInt(80))).getBytes(StandardCharsets.ISO_8859_1);
                default -> command(random).getBytes(StandardCharsets.ISO_8859_1);
            };
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (!EXCLUDED.matcher(text).matches()) {
                byte[] terminated = Arrays.copyOf(line, line.length + 1);
                terminated[line.length] = '\r';
                return terminated;
            }
        }
    }

    private static String command(Random random) {
        StringBuilder line = new StringBuilder(random.nextBoolean() ? "AT" : "at");
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            if (c > 0) {
                line.append(';');
            }
            line.append(COMMANDS.get(random.nextInt(COMMANDS.size())));
            switch (random.nextInt(4)) {
                case 0 -> line.append("=?");
                case 1 -> line.append('?');
                case 2 -> line.append('=').append(parameters(random));
                default -> { }
            }
        }
        return line.toString();
    }

    private static String parameters(Random random) {
        StringBuilder parameters = new StringBuilder();
        int count = random.nextInt(6);
        for (int p = 0; p < count; p++) {
            if (p > 0) {
                parameters.append(',');
            }
            switch (random.nextInt(6)) {
                case 0 -> parameters.append(random.nextInt(100_000) - 10);
                case 1 -> parameters.append("0x").append(Integer.toHexString(random.nextInt()));
                case 2 -> parameters.append('"').append(randomPrintable(random, random.nextInt(40))).append('"');
                case 3 -> parameters.append("\"\\0D\\0A").append(randomPrintable(random, 8)).append('"');
                case 4 -> parameters.append('"').append(randomPrintable(random, 5));
                default -> { }
            }
        }
        return parameters.toString();
    }

    /** Printable ASCII and the odd backslash escape, without CR. */
    private static String randomPrintable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    /** Any byte but CR (the line's end is added separately). */
    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\r') {
                bytes[i] = ' ';
            }
        }
        return bytes;
    }

    private static void writeInChunks(OutputStream out, byte[] bytes, Random random) throws IOException {
        for (int at = 0; at < bytes.length; ) {
            int chunk = Math.min(bytes.length - at, 1 + random.nextInt(64));
            out.write(bytes, at, chunk);
            out.flush();
            at += chunk;
        }
    }

    /** Reads until the probe's answer ends what arrived; fails if it does not come within 5 s. */
    private static void awaitProbe(Socket socket, InputStream in, String answer, long index, byte[] line)
            throws IOException {
        byte[] expected = answer.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        while (!endsWith(seen, expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("module deaf after line " + index + ": "
                        + new String(line, StandardCharsets.ISO_8859_1) + " -- got "
                        + new String(seen.toByteArray(), StandardCharsets.ISO_8859_1));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("module closed the connection after line " + index);
                }
                seen.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // the loop checks the deadline
            }
        }
    }

    private static boolean endsWith(ByteArrayOutputStream seen, byte[] suffix) {
        if (seen.size() < suffix.length) {
            return false;
        }
        byte[] all = seen.toByteArray();
        return Arrays.equals(all, all.length - suffix.length, all.length, suffix, 0, suffix.length);
    }
}
