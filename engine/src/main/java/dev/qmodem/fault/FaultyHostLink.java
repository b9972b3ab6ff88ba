package dev.qmodem.fault;

import dev.qmodem.transport.HostLink;
import dev.qmodem.time.Clock;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * The host link as a UART would carry it when {@link Fault.Uart}, {@link Fault.Slice} or {@link Fault.Noise} is
 * set: paced at baud/10 bytes per second each way, output cut into slices, bytes dropped or flipped. With none set
 * each read and write passes straight through after one volatile read.
 */
public final class FaultyHostLink {

    /** Largest piece written or read at once under a UART fault, so pacing stays smooth at any baud rate. */
    private static final int UART_PIECE = 64;

    private final Faults faults;
    private final Pacer inPacer;
    private final Pacer outPacer;
    private final Clock clock;
    private SplittableRandom noiseRandom;
    private Fault.Noise noiseSeeded;

    private FaultyHostLink(Faults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
        this.inPacer = new Pacer(clock);
        this.outPacer = new Pacer(clock);
    }

    /** The host's link with {@code faults}' UART, slice and noise faults applied both ways while they are set. */
    public static HostLink of(HostLink link, Faults faults, Clock clock) {
        FaultyHostLink faulty = new FaultyHostLink(faults, clock);
        return link.withStreams(faulty.new FaultyInput(link.input()), faulty.new FaultyOutput(link.output()));
    }

    /** The random source of the noise fault, restarted from its seed whenever a new noise fault is set. */
    private synchronized SplittableRandom random(Fault.Noise noise) {
        if (noise != noiseSeeded) {
            noiseSeeded = noise;
            noiseRandom = new SplittableRandom(noise.seed());
        }
        return noiseRandom;
    }

    /** Drops and flips bytes of {@code b[off, off+len)} in place; returns how many are left, compacted. */
    private int addNoise(Fault.Noise noise, byte[] b, int off, int len, boolean toHost) {
        double drop = toHost ? noise.toHostDrop() : noise.fromHostDrop();
        double flip = toHost ? noise.toHostFlip() : noise.fromHostFlip();
        if (drop == 0 && flip == 0) {
            return len;
        }
        SplittableRandom random = random(noise);
        int kept = 0;
        int dropped = 0;
        int flipped = 0;
        synchronized (this) {
            for (int i = 0; i < len; i++) {
                byte value = b[off + i];
                if (drop > 0 && random.nextDouble() < drop) {
                    dropped++;
                    continue;
                }
                if (flip > 0 && random.nextDouble() < flip) {
                    value ^= (byte) (1 << random.nextInt(8));
                    flipped++;
                }
                b[off + kept++] = value;
            }
        }
        if (dropped + flipped > 0) {
            faults.injected("noise", (toHost ? "to host: " : "from host: ") + dropped + " dropped, " + flipped + " flipped");
        }
        return kept;
    }

    private final class FaultyInput extends FilterInputStream {

        FaultyInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                Faults.HostLinkFaults before = faults.hostLink();
                int n = in.read(b, off, before != null && before.uart() != null ? Math.min(len, UART_PIECE) : len);
                // Looked up again: the read may have waited for the host longer than the fault has been set.
                Faults.HostLinkFaults set = faults.hostLink();
                if (n <= 0 || set == null) {
                    return n;
                }
                if (set.uart() != null) {
                    inPacer.pass(n, set.uart().baud() / 10.0);
                }
                if (set.noise() != null) {
                    n = addNoise(set.noise(), b, off, n, false);
                }
                if (n > 0) {
                    return n;
                }
            }
        }
    }

    private final class FaultyOutput extends FilterOutputStream {

        private long lastSliceNanos = Long.MIN_VALUE / 2;

        FaultyOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Faults.HostLinkFaults set = faults.hostLink();
            if (set == null) {
                out.write(b, off, len);
                return;
            }
            if (set.noise() != null) {
                byte[] copy = new byte[len];
                System.arraycopy(b, off, copy, 0, len);
                len = addNoise(set.noise(), copy, 0, len, true);
                b = copy;
                off = 0;
            }
            int piece = set.slice() != null ? set.slice().maxBytes() : len;
            if (set.uart() != null) {
                piece = Math.min(piece, UART_PIECE);
            }
            for (int done = 0; done < len; done += piece) {
                int n = Math.min(piece, len - done);
                if (set.slice() != null) {
                    out.flush();
                    outPacer.sleepUntil(lastSliceNanos + set.slice().gapMs() * 1_000_000);
                }
                if (set.uart() != null) {
                    outPacer.pass(n, set.uart().baud() / 10.0);
                }
                out.write(b, off + done, n);
                if (set.slice() != null) {
                    out.flush();
                    lastSliceNanos = clock.nanoTime();
                }
            }
        }
    }
}
