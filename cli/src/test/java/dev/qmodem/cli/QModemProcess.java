package dev.qmodem.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code qmodem} in a child JVM, as a user starts it: its first stdout line is the ready line. */
final class QModemProcess implements AutoCloseable {

    private static final Pattern CONTROL_ENDPOINT = Pattern.compile("control:(http://\\S+)");
    private static final Pattern TCP_ENDPOINT = Pattern.compile("tcp://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final String readyLine;

    private QModemProcess(Process process, String readyLine) {
        this.process = process;
        this.readyLine = readyLine;
    }

    /** Starts {@code qmodem ARGS...} and waits for its first line of output. */
    static QModemProcess start(String... args) throws IOException {
        return start(false, args);
    }

    /**
     * Starts {@code qmodem load ARGS...}, whose ready line goes to stderr (stdout carries the summary), and waits for
     * the first stderr line that says {@code ready}; the rest of stderr is drained so the child never blocks on it.
     */
    static QModemProcess startLoad(String... args) throws IOException {
        return start(true, args);
    }

    private static QModemProcess start(boolean readyOnStderr, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = QModemCommand.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (readyOnStderr) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(
                readyOnStderr ? process.getErrorStream() : process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        while (readyOnStderr && ready != null && !ready.contains(" ready")) {
            ready = out.readLine();
        }
        if (readyOnStderr) {
            Thread.ofVirtual().start(() -> {
                try {
                    out.transferTo(Writer.nullWriter());
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }
        return new QModemProcess(process, ready);
    }

    String readyLine() {
        return readyLine;
    }

    /** The port of the first {@code tcp://127.0.0.1:PORT} endpoint in the ready line. */
    int firstTcpPort() {
        Matcher endpoint = TCP_ENDPOINT.matcher(readyLine);
        if (!endpoint.find()) {
            throw new AssertionError("no TCP endpoint in: " + readyLine);
        }
        return Integer.parseInt(endpoint.group(1));
    }

    /** The {@code control:http://HOST:PORT} endpoint of the ready line, as a base URI. */
    URI controlUri() {
        Matcher endpoint = CONTROL_ENDPOINT.matcher(readyLine);
        if (!endpoint.find()) {
            throw new AssertionError("no control endpoint in: " + readyLine);
        }
        return URI.create(endpoint.group(1));
    }

    /** Waits for the process to end by itself; null if it did not in time. */
    Integer exitCode(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** Sends SIGTERM and waits for the exit code; null if the process did not end in time. */
    Integer terminate(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
