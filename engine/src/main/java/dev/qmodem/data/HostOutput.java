package dev.qmodem.data;

import dev.qmodem.at.ResponseWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;

/**
 * The module's side of the serial line: every byte to the host goes through here, one writer at a time.
 * Unsolicited result codes wait while anything holds the line (a command executing, data mode) and come out in
 * order once it is free, so they never interleave with a response or with data. Without a host they wait too,
 * up to a bound, oldest dropped first, as a real module's buffer would.
 */
public final class HostOutput {

    private static final Logger log = LoggerFactory.getLogger(HostOutput.class);

    private final ResponseWriter writer;
    private final int maxPendingUrcs;
    private final ArrayDeque<String> pendingUrcs = new ArrayDeque<>();
    private OutputStream out;
    private WritableByteChannel channel;
    private int holds;
    private boolean silenced;

    public HostOutput(ResponseWriter writer, int maxPendingUrcs) {
        this.writer = writer;
        this.maxPendingUrcs = maxPendingUrcs;
    }

    public ResponseWriter writer() {
        return writer;
    }

    /**
     * A host connected: output goes to it, and URCs that waited come out if nothing holds the line.
     *
     * @param hostChannel the same host as a channel, for data from buffers; null if it has only its stream
     */
    public synchronized void attach(OutputStream hostStream, WritableByteChannel hostChannel) {
        out = hostStream;
        channel = hostChannel;
        flushUrcsIfFree();
    }

    /** The host went away: output is dropped until the next one attaches. */
    public synchronized void detach() {
        out = null;
        channel = null;
    }

    /** Writes bytes to the host; blocks while the host does not read. Dropped silently without a host. */
    public synchronized void write(byte[] bytes, int off, int len) {
        if (out == null || len == 0) {
            return;
        }
        try {
            out.write(bytes, off, len);
        } catch (IOException e) {
            log.debug("host write failed, dropping the host: {}", e.toString());
            detach();
        }
    }

    /**
     * Writes a buffer's remaining bytes to the host, through its channel if it has one (no copy of a direct buffer
     * through the heap); blocks while the host does not read. Dropped silently without a host.
     */
    public synchronized void write(ByteBuffer bytes) {
        if (out == null) {
            bytes.position(bytes.limit());
            return;
        }
        try {
            if (channel != null) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } else {
                Pump.write(out, bytes);
            }
        } catch (IOException e) {
            log.debug("host write failed, dropping the host: {}", e.toString());
            detach();
            bytes.position(bytes.limit());
        }
    }

    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /**
     * While silenced (the module is off or booting) URCs are dropped, and those waiting are dropped at once: a
     * module that went down forgets them.
     */
    public synchronized void silence(boolean on) {
        silenced = on;
        if (on) {
            pendingUrcs.clear();
        }
    }

    /** Queues or writes an unsolicited result code. */
    public synchronized void urc(String line) {
        if (silenced) {
            return;
        }
        if (holds == 0 && out != null) {
            write(writer.unsolicited(line));
            return;
        }
        if (pendingUrcs.size() == maxPendingUrcs) {
            log.warn("URC buffer full, dropping {}", pendingUrcs.removeFirst());
        }
        pendingUrcs.addLast(line);
    }

    /** Holds URCs back until the matching {@link #release()}. */
    public synchronized void hold() {
        holds++;
    }

    public synchronized void release() {
        if (holds == 0) {
            throw new IllegalStateException("release without hold");
        }
        holds--;
        flushUrcsIfFree();
    }

    private void flushUrcsIfFree() {
        while (holds == 0 && out != null && !pendingUrcs.isEmpty()) {
            write(writer.unsolicited(pendingUrcs.removeFirst()));
        }
    }
}
