package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A server process with its output in a log file, stopped together with every process it forked.
 *
 * <p>vsftpd and pure-ftpd fork one or two processes per FTP session; killing only the listener would
 * leave those behind. A JVM shutdown hook stops whatever a test forgot to close.
 */
final class PeerProcess implements AutoCloseable {

    private static final Set<PeerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(PeerProcess::close),
                "qmodem-testpeers-reaper"));
    }

    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static PeerProcess start(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            PeerProcess peer = new PeerProcess(process, log);
            RUNNING.add(peer);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The last lines of the process output, for error messages. */
    String logTail() {
        return tail(log);
    }

    /** The last 20 lines of a log file, or a note why there are none. */
    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Kills every session process, then stops the listener: SIGTERM, and SIGKILL after 5 s.
     *
     * <p>Sessions go first and by SIGKILL: once the listener is gone they would be re-parented and lost
     * from view, and a session blocked on its client ignores SIGTERM for seconds. Killing in rounds
     * catches a session that forked while the previous round ran.
     */
    @Override
    public void close() {
        RUNNING.remove(this);
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> sessions = process.descendants().toList();
            if (sessions.isEmpty()) {
                break;
            }
            sessions.forEach(ProcessHandle::destroyForcibly);
            awaitDeath(sessions);
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Whether a process still runs. A killed grandchild stays a zombie until init reaps it, and
     * {@link ProcessHandle#isAlive()} counts zombies as alive.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static void awaitDeath(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (processes.stream().anyMatch(PeerProcess::isRunning) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
