package dev.qmodem.command.file;

import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataModeHandler;
import dev.qmodem.fs.FileError;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The host's data-mode bytes into a file, for {@code AT+QFUPL} and {@code AT+QFWRITE}. The data ends at the
 * announced length (the bytes after it are commands again), after {@code <timeout>} seconds without a byte, or
 * at {@code +++}; each way the bytes received are kept and the sink's line and {@code OK} answer. If the sink
 * fails, the host's remaining bytes are still taken (and dropped) until the data ends, so they never turn into
 * commands, and the answer is the failure's {@code +CME ERROR}. In ACK mode an {@code A} goes to the host after
 * each 1024 bytes, except after the last ones, which the final response acknowledges. A host that goes away
 * leaves the bytes received kept, as the module cannot tell a lost host from a finished one.
 */
final class FromHost implements DataModeHandler {

    /** Where the bytes go. */
    interface Sink {

        void write(byte[] bytes, int off, int len) throws FileError;

        /** The data is over and kept; returns the information line of the final response. */
        String complete(long received) throws FileError;

        /** The data is over after a failure: throws away what can be thrown away. */
        void discard();
    }

    static final int ACK_BLOCK = 1024;
    private static final byte[] ACK = {'A'};

    private final Sink sink;
    private final long length;
    private final long timeoutNanos;
    private final boolean ackMode;
    private final ScheduledExecutorService timer;
    private DataLink link;
    private long received;
    private long lastInputAt;
    private FileError failure;
    private boolean over;
    private ScheduledFuture<?> watchdog;

    FromHost(Sink sink, long length, long timeoutSeconds, boolean ackMode, ScheduledExecutorService timer) {
        this.sink = sink;
        this.length = length;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.ackMode = ackMode;
        this.timer = timer;
    }

    /** Starts the silence watchdog; the data-mode session must be the link's. */
    synchronized void attach(DataLink dataLink) {
        link = dataLink;
        lastInputAt = System.nanoTime();
        watchdog = timer.schedule(this::checkSilence, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int fromHost(byte[] bytes, int off, int len) {
        int used = 0;
        while (used < len) {
            int taken;
            boolean ackDue;
            boolean complete;
            synchronized (this) {
                if (over) {
                    return len;
                }
                long room = length - received;
                if (ackMode) {
                    room = Math.min(room, ACK_BLOCK - received % ACK_BLOCK);
                }
                taken = (int) Math.min(len - used, room);
                if (failure == null) {
                    try {
                        sink.write(bytes, off + used, taken);
                    } catch (FileError e) {
                        failure = e;
                    }
                }
                received += taken;
                lastInputAt = System.nanoTime();
                complete = received == length;
                ackDue = ackMode && !complete && received % ACK_BLOCK == 0;
            }
            used += taken;
            if (ackDue) {
                acknowledge();
            }
            if (complete) {
                finish(true);
                return used;
            }
        }
        return used;
    }

    @Override
    public boolean escaped() {
        finish(true);
        return false;
    }

    @Override
    public void hostLost() {
        finish(false);
    }

    private void acknowledge() {
        try {
            link.toHost().write(ACK);
        } catch (IOException e) {
            // data mode ended meanwhile (escape, timeout, host gone): nobody waits for the A
        }
    }

    private void checkSilence() {
        synchronized (this) {
            if (over) {
                return;
            }
            long silent = System.nanoTime() - lastInputAt;
            if (silent < timeoutNanos) {
                watchdog = timer.schedule(this::checkSilence, timeoutNanos - silent, TimeUnit.NANOSECONDS);
                return;
            }
        }
        finish(true);
    }

    /** Ends once: keeps or discards the bytes, then answers unless the host is gone. */
    private void finish(boolean answer) {
        String line = null;
        FileError failed;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            watchdog.cancel(false);
            failed = failure;
            if (failed == null) {
                try {
                    line = sink.complete(received);
                } catch (FileError e) {
                    failed = e;
                }
            } else {
                sink.discard();
            }
        }
        if (!answer) {
            return;
        }
        if (failed != null) {
            link.fail(failed.code().number());
        } else {
            link.end(List.of(line), ResultCode.OK);
        }
    }
}
