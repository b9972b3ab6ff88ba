package dev.qmodem.fault;

import dev.qmodem.transport.ForwardingChannel;
import dev.qmodem.transport.HostLink;
import dev.qmodem.time.Clock;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.SplittableRandom;

/**
 * The host link as a UART would carry it when {@link Fault.Uart}, {@link Fault.Slice} or {@link Fault.Noise} is
 * set: paced at baud/10 bytes per second each way, output cut into slices, bytes dropped or flipped. With none set
 * each read and write passes straight through after one volatile read; a link's channel stays a channel, whose
 * bytes are copied through the heap only while a fault is set.
 */
public final class FaultyHostLink {

    /** Largest piece written or read at once under a UART fault, so pacing stays smooth at any baud rate. */
    private static final int UART_PIECE = 64;
    /** Largest read through the channel while a fault is set, which goes through a heap array. */
    private static final int FAULTY_READ = 16 * 1024;

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
        FaultyInput input = faulty.new FaultyInput(link.input());
        FaultyOutput output = faulty.new FaultyOutput(link.output());
        ByteChannel channel = link.channel();
        return link.with(input, output, channel == null ? null : faulty.new FaultyChannel(channel, input, output));
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
                n = afterRead(b, off, n);
                if (n != 0 || len == 0) {
                    return n;
                }
            }
        }

        /** Paces and noises {@code n} bytes just read; returns how many are left (0: read again). */
        int afterRead(byte[] b, int off, int n) throws IOException {
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
            return n;
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

    /** The link's channel, straight through while no fault is set, else through the faulty streams. */
    private final class FaultyChannel extends ForwardingChannel {

        private final FaultyInput input;
        private final FaultyOutput output;

        FaultyChannel(ByteChannel channel, FaultyInput input, FaultyOutput output) {
            super(channel);
            this.input = input;
            this.output = output;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            if (faults.hostLink() != null) {
                byte[] bytes = new byte[Math.min(target.remaining(), FAULTY_READ)];
                int n = input.read(bytes, 0, bytes.length);
                if (n > 0) {
                    target.put(bytes, 0, n);
                }
                return n;
            }
            int start = target.position();
            int n;
            do {
                n = channel.read(target);
                if (n > 0 && faults.hostLink() != null) {
                    byte[] bytes = new byte[n];
                    target.get(start, bytes);
                    n = input.afterRead(bytes, 0, n);
                    target.put(start, bytes, 0, Math.max(n, 0)).position(start + Math.max(n, 0));
                }
            } while (n == 0 && target.hasRemaining());
            return n;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (faults.hostLink() == null) {
                return channel.write(source);
            }
            byte[] bytes = new byte[source.remaining()];
            source.get(bytes);
            output.write(bytes, 0, bytes.length);
            return bytes.length;
        }
    }
}
