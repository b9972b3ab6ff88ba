package dev.qmodem.data;

import dev.qmodem.time.Clock;
import dev.qmodem.time.Watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The host's data-mode bytes into a sink (a file for AT+QFUPL and AT+QFWRITE, a data connection for AT+QFTPPUT),
 * written by the host's reader, so a slow sink slows the host. The data ends at the announced length (the bytes
 * after it are commands again), after a silence timeout, at {@code +++}, or when the host goes away. If the sink
 * fails, the host's remaining bytes are still taken and dropped until the data ends, so they never turn into
 * commands. Optionally an {@code A} goes to the host after every block of bytes (QFUPL's ACK mode), except after
 * the last ones, which the final response acknowledges. The command supplies the sink and the answer.
 */
public final class Inflow implements DataModeHandler {

    /** How the data ended. */
    public enum End { LENGTH, ESCAPE, TIMEOUT, HOST_LOST }

    /** What to do once the data is over: runs once, on the thread that ended it; must end the link unless the host is lost. */
    @FunctionalInterface
    public interface Completion {
        /** @param failure the sink's first failure, or null */
        void completed(DataLink link, End how, long received, IOException failure);
    }

    private static final byte[] ACK = {'A'};

    private final OutputStream sink;
    private final long length;
    private final int ackBlock;
    private final Completion completion;
    /** Waiting for the host, except while a write to the sink runs: a slow sink is the sink's watchdog's business. */
    private final Watchdog silence;
    private DataLink link;
    private volatile long received;
    private boolean over;
    private IOException failure;

    private Inflow(OutputStream sink, long length, long timeoutNanos, int ackBlock, Clock clock,
                   Completion completion) {
        this.sink = sink;
        this.length = length;
        this.ackBlock = ackBlock;
        this.completion = completion;
        this.silence = Watchdog.start(clock, timeoutNanos, TimeUnit.NANOSECONDS, () -> end(End.TIMEOUT));
    }

    /**
     * Opens data mode for the host's bytes and starts the silence watchdog.
     *
     * @param length   bytes to take, or -1 for no limit
     * @param timeout  silence that ends the data
     * @param ackBlock bytes after which an {@code A} goes to the host, or 0 for none
     * @throws IllegalStateException if data mode is held by another session
     */
    public static Inflow start(DataMode dataMode, OutputStream sink, long length, long timeout, TimeUnit unit,
                               int ackBlock, Clock clock, Completion completion) {
        Inflow flow = new Inflow(sink, length, unit.toNanos(timeout), ackBlock, clock, completion);
        synchronized (flow) {
            try {
                flow.link = dataMode.open(flow);
            } catch (RuntimeException e) {
                flow.silence.stop();
                throw e;
            }
            flow.silence.waiting();
        }
        return flow;
    }

    /** Bytes taken so far (AT+QFTPLEN). */
    public long received() {
        return received;
    }

    /** Until the data ends: the last byte of an upload's length hands the host's reader back its small buffer. */
    @Override
    public synchronized boolean receives() {
        return !over;
    }

    @Override
    public int fromHost(ByteBuffer bytes) {
        int len = bytes.remaining();
        int end = bytes.limit();
        int used = 0;
        while (used < len) {
            int taken;
            boolean drop;
            synchronized (this) {
                if (over) {
                    bytes.position(end);
                    return len;
                }
                long room = length < 0 ? Long.MAX_VALUE : length - received;
                if (ackBlock > 0) {
                    room = Math.min(room, ackBlock - received % ackBlock);
                }
                taken = (int) Math.min(len - used, room);
                drop = failure != null;
                silence.idle();
            }
            IOException failed = null;
            bytes.limit(bytes.position() + taken);
            try {
                if (!drop) {
                    Pump.write(sink, bytes);
                }
            } catch (IOException e) {
                failed = e;
            } finally {
                bytes.position(bytes.limit()).limit(end);
            }
            boolean complete;
            synchronized (this) {
                if (failed != null) {
                    failure = failed;
                }
                received += taken;
                silence.waiting();
                complete = received == length;
            }
            used += taken;
            if (complete) {
                end(End.LENGTH);
                return used;
            }
            if (ackBlock > 0 && received % ackBlock == 0) {
                acknowledge();
            }
        }
        return used;
    }

    @Override
    public boolean escaped() {
        end(End.ESCAPE);
        return false;
    }

    @Override
    public void hostLost() {
        end(End.HOST_LOST);
    }

    /**
     * Ends the data without an answer (AT+QFTPCLOSE, a lost PDP context): data mode is left and the host's
     * further bytes are commands. The caller drops the sink.
     *
     * @return false if the data had already ended (the completion ran or runs)
     */
    public boolean cancel() {
        synchronized (this) {
            if (over) {
                return false;
            }
            over = true;
            silence.stop();
        }
        link.abandon();
        return true;
    }

    private void acknowledge() {
        try {
            link.toHost().write(ACK);
        } catch (IOException e) {
            // data mode ended meanwhile (escape, timeout, host gone): nobody waits for the A
        }
    }

    private void end(End how) {
        IOException failed;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            silence.stop();
            failed = failure;
        }
        completion.completed(link, how, received, failed);
    }
}
