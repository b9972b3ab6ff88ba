package dev.qmodem.data;

import dev.qmodem.at.AtSettings;
import dev.qmodem.at.ResultCode;
import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The module's data mode: at most one data-mode session at a time, its states (opened by a command, active after
 * CONNECT, suspended after an escape until ATO, closing while its final response goes out), the +++ detection
 * with the S12 guard time, the line feed that still belongs to the command line, and the gate that keeps data,
 * responses and URCs from interleaving on the host line. Nothing is written to the host while the lock is held:
 * a host that does not read blocks only the writer, never the escape detection or a state change.
 */
public final class DataMode {

    /**
     * ESCAPING: the escape's OK is going out, after which the session is SUSPENDED; CLOSING: the session's final
     * response is going out, after which it is over. A data write waits through the first and fails in the second.
     */
    private enum State { IDLE, PENDING, ACTIVE, SUSPENDED, ESCAPING, CLOSING }

    /**
     * Data goes out in slices, so an escape stops a download within one slice: this small while the host takes
     * them slowly (a paced UART), doubling up to {@link #MAX_SLICE} while each goes out at once (a socket host,
     * where a slice per system call is what the relay costs).
     */
    static final int SLICE = 16 * 1024;
    static final int MAX_SLICE = 256 * 1024;
    private static final long QUICK_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long SLOW_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final byte[] PLUSES = {'+', '+', '+'};

    private final HostOutput output;
    private final AtSettings settings;
    private final Clock clock;
    private final long lateLineFeedNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stateChanged = lock.newCondition();
    private State state = State.IDLE;
    private Session session;
    private EscapeDetector detector;
    private boolean holdingUrcs;
    private int writesInFlight;
    private boolean lineFeedPending;
    private long lineFeedDeadline;
    private volatile boolean hostSendsLineFeeds = true;

    /**
     * @param lateLineFeedNanos how long after CONNECT a line feed as the first data byte still belongs to the
     *                          command line (docs/decisions.md)
     */
    public DataMode(HostOutput output, AtSettings settings, Clock clock, long lateLineFeedNanos) {
        this.output = output;
        this.settings = settings;
        this.clock = clock;
        this.lateLineFeedNanos = lateLineFeedNanos;
    }

    AtSettings settings() {
        return settings;
    }

    /**
     * What the host's command lines showed of its line ending: a host that ends them with CR alone gets no late
     * line feed taken, so a line feed that starts its data is data. Until a line shows it, the late line feed rule
     * applies.
     */
    void hostSendsLineFeeds(boolean sendsThem) {
        hostSendsLineFeeds = sendsThem;
    }

    /**
     * Called by a command that will answer CONNECT: registers its handler. Data starts flowing once the module has
     * written CONNECT and called {@link #activate}.
     *
     * @throws IllegalStateException if another data-mode session exists
     */
    public DataLink open(DataModeHandler handler) {
        lock.lock();
        try {
            if (state != State.IDLE) {
                throw new IllegalStateException("data mode already in use");
            }
            session = new Session(handler);
            state = State.PENDING;
            return session;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the port is in data mode now (CONNECT answered, neither ended nor escaped), for the control API. */
    public boolean active() {
        lock.lock();
        try {
            return state == State.ACTIVE || state == State.PENDING;
        } finally {
            lock.unlock();
        }
    }

    /** ATO: a suspended session goes back to pending; the caller answers CONNECT and then activates it. */
    public boolean resume() {
        lock.lock();
        try {
            if (state != State.SUSPENDED) {
                return false;
            }
            state = State.PENDING;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * CONNECT has been written: host bytes are data from now on, and URCs wait. A line feed as the first data byte
     * within the late line feed window from now still belongs to the command line, also one that arrived while the
     * command ran.
     */
    public void activate() {
        lock.lock();
        try {
            if (state != State.PENDING) {
                return;
            }
            state = State.ACTIVE;
            if (!holdingUrcs) {
                output.hold();
                holdingUrcs = true;
            }
            lineFeedPending = hostSendsLineFeeds;
            lineFeedDeadline = clock.nanoTime() + lateLineFeedNanos;
            detector = new EscapeDetector(guardNanos(), clock.nanoTime());
            stateChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the host's bytes are a transfer's data now (an upload in data mode), so they are worth reading in
     * big buffers; in command mode, and while a download ignores them, a few KiB at a time do.
     */
    public boolean receiving() {
        lock.lock();
        try {
            return state == State.ACTIVE && session.handler.receives();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Offers host bytes (a buffer's remaining ones) that arrived at {@code now}. Returns -1 when they are not data
     * (command mode: the caller decodes them as command lines; the buffer is left as it was), else how many were
     * taken, past which the buffer's position moves; fewer than were offered means data mode ended within them and
     * the rest is command-mode input. Waits while a session's final response is going out, so the next command
     * line is answered after it.
     */
    public int fromHost(ByteBuffer bytes, long now) throws IOException {
        Session current;
        int released;
        boolean held;
        int len = bytes.remaining();
        lock.lock();
        try {
            while (state == State.CLOSING || state == State.ESCAPING) {
                stateChanged.awaitUninterruptibly();
            }
            if (state != State.ACTIVE) {
                return -1;
            }
            current = session;
            if (lineFeedPending && len > 0) {
                lineFeedPending = false;
                if (bytes.get(bytes.position()) == settings.lineFeed() && now - lineFeedDeadline <= 0) {
                    bytes.position(bytes.position() + 1);
                    return 1;
                }
            }
            detector.onInput(bytes, now);
            released = detector.releasedPluses();
            held = detector.chunkHeld();
            if (held) {
                long deadline = detector.escapeDeadline();
                if (deadline >= 0) {
                    scheduleEscapeCheck(current, deadline);
                }
            }
        } finally {
            lock.unlock();
        }
        if (released > 0) {
            current.handler.fromHost(ByteBuffer.wrap(PLUSES, 0, released));
        }
        if (held || current.ended()) {
            bytes.position(bytes.limit());
            return len;
        }
        return current.handler.fromHost(bytes);
    }

    private void scheduleEscapeCheck(Session expected, long deadline) {
        long delay = Math.max(0, deadline - clock.nanoTime());
        clock.schedule(() -> checkEscape(expected), delay, TimeUnit.NANOSECONDS);
    }

    private void checkEscape(Session expected) {
        lock.lock();
        try {
            if (state != State.ACTIVE || session != expected) {
                return;
            }
            if (!detector.escapeDue(clock.nanoTime())) {
                long deadline = detector.escapeDeadline();
                if (deadline >= 0) {
                    scheduleEscapeCheck(expected, deadline);
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        escaped(expected);
    }

    /** DTR dropped under AT&amp;D1 or AT&amp;D2: leaves data mode at once, as an escape does. */
    public void dtrDropped() {
        Session current;
        lock.lock();
        try {
            if (state != State.ACTIVE) {
                return;
            }
            current = session;
        } finally {
            lock.unlock();
        }
        escaped(current);
    }

    /**
     * The host left data for command mode: a resumable session stops its data, answers OK after the data already
     * on its way, and waits for ATO; any other ends itself through its link.
     */
    private void escaped(Session current) {
        if (!current.handler.escaped()) {
            return;
        }
        lock.lock();
        try {
            if (session != current || state != State.ACTIVE) {
                return;
            }
            state = State.SUSPENDED;
            awaitWritesDone();
            if (session != current || state != State.SUSPENDED) {
                return;
            }
            state = State.ESCAPING;
        } finally {
            lock.unlock();
        }
        output.write(output.writer().format(List.of(), output.writer().resultLine(ResultCode.OK), List.of()));
        lock.lock();
        try {
            if (session == current) {
                state = State.SUSPENDED;
                releaseUrcs();
                stateChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The host went away: the session's handler is told, and data mode is over. */
    public void hostLost() {
        Session current;
        lock.lock();
        try {
            current = session;
            if (current == null) {
                return;
            }
        } finally {
            lock.unlock();
        }
        current.handler.hostLost();
        lock.lock();
        try {
            if (session == current) {
                finish(current);
            }
        } finally {
            lock.unlock();
        }
    }

    private void finish(Session current) {
        releaseUrcs();
        state = State.IDLE;
        session = null;
        current.ended = true;
        stateChanged.signalAll();
    }

    private void releaseUrcs() {
        if (holdingUrcs) {
            holdingUrcs = false;
            output.release();
        }
    }

    private void awaitWritesDone() {
        while (writesInFlight > 0) {
            stateChanged.awaitUninterruptibly();
        }
    }

    private long guardNanos() {
        return TimeUnit.MILLISECONDS.toNanos(settings.guardTimeFiftieths() * 20L);
    }

    private final class Session implements DataLink {

        private final DataModeHandler handler;
        private final OutputStream toHost = new HostStream();
        private volatile boolean ended;

        Session(DataModeHandler handler) {
            this.handler = handler;
        }

        @Override
        public OutputStream toHost() {
            return toHost;
        }

        @Override
        public void end(List<String> info, ResultCode result) {
            endWith(info, output.writer().resultLine(result));
        }

        @Override
        public void fail(int errorCode) {
            endWith(List.of(), output.writer().errorLine(errorCode));
        }

        private void endWith(List<String> info, String finalLine) {
            lock.lock();
            try {
                while (session == this
                        && (state == State.PENDING || state == State.ESCAPING || state == State.CLOSING)) {
                    stateChanged.awaitUninterruptibly();
                }
                if (session != this) {
                    return;
                }
                state = State.CLOSING;
                awaitWritesDone();
            } finally {
                lock.unlock();
            }
            output.write(output.writer().format(info, finalLine, List.of()));
            lock.lock();
            try {
                if (session == this) {
                    finish(this);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void abandon() {
            lock.lock();
            try {
                if (session == this && state != State.CLOSING && state != State.ESCAPING) {
                    finish(this);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }

        /** Data to the host in slices; also a channel, whose buffers go to the host's own channel when it has one. */
        private final class HostStream extends OutputStream implements WritableByteChannel {

            private int slice = SLICE;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                write(ByteBuffer.wrap(bytes, off, len));
            }

            @Override
            public int write(ByteBuffer bytes) throws IOException {
                int length = bytes.remaining();
                int end = bytes.limit();
                try {
                    while (bytes.position() < end) {
                        bytes.limit(Math.min(end, bytes.position() + slice));
                        enterWrite();
                        long took;
                        try {
                            long start = clock.nanoTime();
                            output.write(bytes);
                            took = clock.nanoTime() - start;
                        } finally {
                            leaveWrite();
                        }
                        if (took < QUICK_SLICE_NANOS) {
                            slice = Math.min(MAX_SLICE, slice * 2);
                        } else if (took > SLOW_SLICE_NANOS) {
                            slice = SLICE;
                        }
                    }
                } finally {
                    bytes.limit(end);
                }
                return length;
            }

            @Override
            public boolean isOpen() {
                return !ended;
            }

            private void enterWrite() throws IOException {
                lock.lock();
                try {
                    while (session == Session.this
                            && (state == State.PENDING || state == State.SUSPENDED || state == State.ESCAPING)) {
                        stateChanged.awaitUninterruptibly();
                    }
                    if (session != Session.this || state != State.ACTIVE) {
                        throw new IOException("data mode is over");
                    }
                    writesInFlight++;
                } finally {
                    lock.unlock();
                }
            }

            private void leaveWrite() {
                lock.lock();
                try {
                    writesInFlight--;
                    stateChanged.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
