package dev.qmodem.data;

import dev.qmodem.at.AtSettings;
import dev.qmodem.at.HostOutput;
import dev.qmodem.at.ResultCode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The module's data mode: at most one data-mode session at a time, its states (opened by a command, active after
 * CONNECT, suspended after an escape until ATO, over), the +++ detection with the S12 guard time, and the gate
 * that keeps data, responses and URCs from interleaving on the host line.
 */
public final class DataMode {

    private enum State { IDLE, PENDING, ACTIVE, SUSPENDED }

    private static final byte[] PLUSES = {'+', '+', '+'};

    private final HostOutput output;
    private final AtSettings settings;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stateChanged = lock.newCondition();
    private State state = State.IDLE;
    private Session session;
    private EscapeDetector detector;

    public DataMode(HostOutput output, AtSettings settings, ScheduledExecutorService timer, LongSupplier nanoClock) {
        this.output = output;
        this.settings = settings;
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /**
     * Called by a command that will answer CONNECT: registers its handler. Data starts flowing once the module has
     * written CONNECT and called {@link #activate()}.
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

    /** True while host bytes are data. */
    public boolean active() {
        lock.lock();
        try {
            return state == State.ACTIVE;
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

    /** CONNECT has been written: host bytes are data from now on, and URCs wait. */
    public void activate() {
        lock.lock();
        try {
            if (state != State.PENDING) {
                return;
            }
            state = State.ACTIVE;
            output.hold();
            detector = new EscapeDetector(guardNanos(), nanoClock.getAsLong());
            stateChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Feeds host bytes in data mode; returns how many were taken (see {@link DataModeHandler#fromHost}). */
    public int fromHost(byte[] bytes, int off, int len) throws IOException {
        Session current;
        int released;
        boolean held;
        lock.lock();
        try {
            current = session;
            detector.onInput(bytes, off, len, nanoClock.getAsLong());
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
            current.handler.fromHost(PLUSES, 0, released);
        }
        if (held || current.ended()) {
            return len;
        }
        return current.handler.fromHost(bytes, off, len);
    }

    private void scheduleEscapeCheck(Session expected, long deadline) {
        long delay = Math.max(0, deadline - nanoClock.getAsLong());
        timer.schedule(() -> checkEscape(expected), delay, TimeUnit.NANOSECONDS);
    }

    private void checkEscape(Session expected) {
        lock.lock();
        try {
            if (state != State.ACTIVE || session != expected) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (!detector.escapeDue(now)) {
                long deadline = detector.escapeDeadline();
                if (deadline >= 0) {
                    scheduleEscapeCheck(expected, deadline);
                }
                return;
            }
            escape();
        } finally {
            lock.unlock();
        }
    }

    /** DTR dropped under AT&amp;D1 or AT&amp;D2: leaves data mode at once, as an escape does. */
    public void dtrDropped() {
        lock.lock();
        try {
            if (state == State.ACTIVE) {
                escape();
            }
        } finally {
            lock.unlock();
        }
    }

    private void escape() {
        Session current = session;
        if (current.handler.escaped()) {
            state = State.SUSPENDED;
            output.write(output.writer().format(List.of(), output.writer().resultLine(ResultCode.OK), List.of()));
            output.release();
            stateChanged.signalAll();
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
        if (state == State.ACTIVE) {
            output.release();
        }
        state = State.IDLE;
        session = null;
        current.ended = true;
        stateChanged.signalAll();
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
                awaitConnectWritten();
                if (session != this) {
                    return;
                }
                output.write(output.writer().format(info, finalLine, List.of()));
                finish(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void abandon() {
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
        public boolean ended() {
            return ended;
        }

        private void awaitConnectWritten() {
            while (session == this && state == State.PENDING) {
                stateChanged.awaitUninterruptibly();
            }
        }

        private final class HostStream extends OutputStream {

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                lock.lock();
                try {
                    while (session == Session.this && state != State.ACTIVE) {
                        stateChanged.awaitUninterruptibly();
                    }
                    if (session != Session.this) {
                        throw new IOException("data mode is over");
                    }
                    output.write(bytes, off, len);
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
