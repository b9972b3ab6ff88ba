package dev.qmodem.fault;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A socket of the FTP session under a socket fault, shaped below TLS so every byte on the wire counts: the
 * {@link Fault.Link} in force (read at each chunk, so changing it takes effect at once) paces each direction and
 * delays the start of each burst by the latency; a {@link Fault.Cut} or {@link Fault.Stall} fixed when the socket was
 * made ends or freezes it after exactly its byte count, both directions together. Each direction's jitter comes
 * from the module's seeded source ({@link Faults#seed}).
 */
final class ShapedSocket extends Socket {

    /** Largest piece passed at once under a link fault: 50 ms worth at the link's rate, at least 512 bytes. */
    private static final double PIECE_SECONDS = 0.05;
    private static final int MIN_PIECE = 512;

    private final Faults faults;
    private final Fault limit;
    private final String connection;
    private final Clock clock;
    private final Pacer downPacer;
    private final Pacer upPacer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private long carried;
    private InputStream input;
    private OutputStream output;

    /** @param limit the cut or stall for this connection, or null */
    ShapedSocket(Faults faults, Fault limit, String connection, Clock clock) {
        this.faults = faults;
        this.limit = limit;
        this.connection = connection;
        this.clock = clock;
        this.downPacer = new Pacer(clock, faults.linkJitter());
        this.upPacer = new Pacer(clock, faults.linkJitter());
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new ShapedInput(super.getInputStream());
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new ShapedOutput(super.getOutputStream());
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        super.close();
    }

    private long limitBytes() {
        return switch (limit) {
            case Fault.Cut cut -> cut.afterBytes();
            case Fault.Stall stall -> stall.afterBytes();
            case null, default -> Long.MAX_VALUE;
        };
    }

    /** How many of {@code wanted} bytes may still pass before the cut or stall. */
    private synchronized int allowance(int wanted) {
        return (int) Math.min(wanted, limitBytes() - carried);
    }

    private synchronized void count(int n) {
        carried += n;
    }

    /** The limit is reached: a cut resets the connection, a stall blocks until it is closed or the read times out. */
    private void limitReached(boolean reading) throws IOException {
        if (limit instanceof Fault.Cut) {
            faults.injected("cut", connection + " connection reset after " + carried + " bytes");
            setSoLinger(true, 0);
            close();
            throw new SocketException("Connection reset (cut fault)");
        }
        faults.injected("stall", connection + " connection stalled after " + carried + " bytes");
        int timeout = reading ? getSoTimeout() : 0;
        try {
            if (timeout > 0 ? !closed.await(timeout, TimeUnit.MILLISECONDS) : waitClosed()) {
                throw new SocketTimeoutException("Read timed out (stall fault)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SocketException("Socket closed");
    }

    private boolean waitClosed() throws InterruptedException {
        closed.await();
        return false;
    }

    private int piece(int len, Fault.Link link, long kbps) {
        if (link == null || kbps == 0) {
            return len;
        }
        return (int) Math.min(len, Math.max(MIN_PIECE, kbps * 125 * PIECE_SECONDS));
    }

    private void pace(Pacer pacer, int n, Fault.Link link, long kbps) throws IOException {
        if (link != null) {
            pacer.pass(n, kbps * 125.0, link.latencyMs() * 1_000_000, link.jitterMs() * 1_000_000);
        }
    }

    private final class ShapedInput extends InputStream {

        private final InputStream in;

        ShapedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int allowed = allowance(len);
            if (allowed <= 0) {
                limitReached(true);
            }
            Fault.Link link = faults.link();
            long kbps = link == null ? 0 : link.downKbps();
            int n = in.read(b, off, piece(allowed, link, kbps));
            if (n > 0) {
                count(n);
                pace(downPacer, n, link, kbps);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return Math.max(0, Math.min(in.available(), allowance(Integer.MAX_VALUE)));
        }

        @Override
        public void close() throws IOException {
            ShapedSocket.this.close();
        }
    }

    private final class ShapedOutput extends OutputStream {

        private final OutputStream out;

        ShapedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int allowed = allowance(len);
                if (allowed <= 0) {
                    out.flush();
                    limitReached(false);
                }
                Fault.Link link = faults.link();
                long kbps = link == null ? 0 : link.upKbps();
                int n = piece(allowed, link, kbps);
                pace(upPacer, n, link, kbps);
                out.write(b, off, n);
                count(n);
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            ShapedSocket.this.close();
        }
    }
}
