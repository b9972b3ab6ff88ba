package dev.qmodem.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ByteChannel;

/**
 * One connected host: the two byte streams a module's serial port would carry. Closing it hangs up.
 */
public interface HostLink extends Closeable {

    /** Bytes from the host; {@code read} returns -1 when the host is gone. */
    InputStream input();

    /** Bytes to the host; a write blocks while the host does not read (backpressure). */
    OutputStream output();

    /**
     * The same bytes as one blocking channel, so that data mode moves them between a direct buffer and the kernel
     * with no copy through the heap; null where the link has only its streams (PTY, serial, stdio). Reads and
     * writes may mix the channel and the streams.
     */
    default ByteChannel channel() {
        return null;
    }

    /** A short human-readable description for logs, such as {@code tcp 127.0.0.1:50312}. */
    String describe();

    /**
     * Registers what to run when the host drops DTR, for transports that carry the signal.
     * The default does nothing: TCP and stdio have no DTR line.
     */
    default void onDtrDrop(Runnable action) {
    }

    @Override
    void close() throws IOException;

    /**
     * This host seen through other streams put in front of its own, and no channel (a trace); describing, DTR and
     * hanging up still go to this link.
     */
    default HostLink withStreams(InputStream input, OutputStream output) {
        return with(input, output, null);
    }

    /**
     * This host seen through other streams and channel put in front of its own (faults, a power switch); describing,
     * DTR and hanging up still go to this link.
     */
    default HostLink with(InputStream input, OutputStream output, ByteChannel channel) {
        HostLink link = this;
        return new HostLink() {
            @Override
            public InputStream input() {
                return input;
            }

            @Override
            public OutputStream output() {
                return output;
            }

            @Override
            public ByteChannel channel() {
                return channel;
            }

            @Override
            public String describe() {
                return link.describe();
            }

            @Override
            public void onDtrDrop(Runnable action) {
                link.onDtrDrop(action);
            }

            @Override
            public void close() throws IOException {
                link.close();
            }
        };
    }
}
