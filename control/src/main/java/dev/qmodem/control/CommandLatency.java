package dev.qmodem.control;

import dev.qmodem.at.CommandObserver;
import dev.qmodem.at.Response;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each command took, for the inspector's latency plot: from the line (or the previous command of the same
 * line) to the final result, and for an FTP command from its line to its URC ({@code "+QFTPGET URC"}). The latest
 * {@value #KEEP} are kept.
 */
final class CommandLatency implements CommandObserver {

    /** One measured command; {@code seq} grows by one per sample. */
    record Sample(long seq, String time, String command, String result, double ms) {
    }

    private static final int KEEP = 500;

    private final ArrayDeque<Sample> samples = new ArrayDeque<>(KEEP);
    private final Map<String, Long> awaitingUrc = new HashMap<>();
    private long seq;
    private long lineStart;
    private long lastMark;

    @Override
    public synchronized void lineReceived(String line) {
        lineStart = System.nanoTime();
        lastMark = lineStart;
    }

    @Override
    public synchronized void commandDone(String name, Response response) {
        long now = System.nanoTime();
        add(name, ModuleMetrics.result(response), now - lastMark);
        lastMark = now;
        if (name.startsWith("+QFTP") && response.errorCode() == null) {
            awaitingUrc.put(name, lineStart);
        }
    }

    @Override
    public synchronized void ftpResult(String urc) {
        int colon = urc.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = urc.substring(0, colon);
        Long start = awaitingUrc.remove(name);
        if (start != null) {
            add(name + " URC", urc.substring(colon + 1).strip(), System.nanoTime() - start);
        }
    }

    private void add(String command, String result, long nanos) {
        if (samples.size() == KEEP) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(++seq, Instant.now().toString(), command, result, nanos / 1e6));
    }

    synchronized List<Sample> recent() {
        return List.copyOf(samples);
    }
}
