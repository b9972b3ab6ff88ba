package dev.qmodem.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * An open serial port as a {@link HostLink}. Reads wait in jSerialComm with a short timeout and go
 * back to waiting, so a closed link is noticed without spinning. The host's DTR, wired to our DSR by a
 * null-modem cable, is sampled only once someone registers for its drop.
 */
final class SerialHostLink implements LineSessions.Link {

    private static final Duration DTR_SAMPLE_PERIOD = Duration.ofMillis(50);

    private final SerialPort port;
    private final String description;
    private volatile boolean closed;
    private volatile boolean failed;
    private LineDropWatcher dtrWatcher;
    private final InputStream input = new PortInput();
    private final OutputStream output = new PortOutput();

    SerialHostLink(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Replaces any action registered before; the action runs on the sampling thread. */
    @Override
    public synchronized void onDtrDrop(Runnable action) {
        if (closed) {
            return;
        }
        if (dtrWatcher != null) {
            dtrWatcher.close();
        }
        dtrWatcher = new LineDropWatcher("serial-dtr " + port.getSystemPortPath(), port::getDSR, DTR_SAMPLE_PERIOD, action);
    }

    /**
     * Whether a read or write failed while the link was open, as when a USB adapter is unplugged.
     * jSerialComm also reports failure for a call that the closing of the port cut short, so every
     * failure is checked against {@code closed} first.
     */
    @Override
    public boolean failed() {
        return failed;
    }

    /** Ends this session; the port itself stays open for the next one. */
    @Override
    public synchronized void close() {
        closed = true;
        if (dtrWatcher != null) {
            dtrWatcher.close();
        }
    }

    private IOException fail(String operation) {
        failed = true;
        return new IOException(operation + " failed on " + description + " (jSerialComm error "
                + port.getLastErrorCode() + " at line " + port.getLastErrorLocation() + ")");
    }

    private final class PortInput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (!closed) {
                int n = port.readBytes(b, len, off);
                if (n > 0) {
                    return n;
                }
                if (n < 0 && !closed) {
                    throw fail("read");
                }
            }
            return -1;
        }

        @Override
        public int available() {
            return Math.max(0, port.bytesAvailable());
        }
    }

    private final class PortOutput extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            int end = off + len;
            while (off < end) {
                int n = closed ? -1 : port.writeBytes(b, end - off, off);
                if (n < 0) {
                    throw closed ? new IOException(description + " is closed") : fail("write");
                }
                off += n;
            }
        }
    }
}
