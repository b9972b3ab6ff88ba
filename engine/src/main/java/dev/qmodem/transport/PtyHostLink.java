package dev.qmodem.transport;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host side of a pseudo-terminal master as a {@link HostLink}. Reads and writes wait in
 * {@code poll()} on the master and on a wake-up pipe, so {@link #close()} can end a read that waits
 * for the host and a write that waits for the host to drain the line, without closing the master.
 */
final class PtyHostLink implements LineSessions.Link {

    private static final int CHUNK = 8192;
    private static final int POLLFD_SIZE = 8;

    private final int masterFd;
    private final String description;
    private final int[] wakePipe = new int[2];
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean failed;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Memory readBuffer = new Memory(CHUNK);
    private final Memory writeBuffer = new Memory(CHUNK);
    private final Memory readPollFds = new Memory(2 * POLLFD_SIZE);
    private final Memory writePollFds = new Memory(2 * POLLFD_SIZE);
    private final InputStream input = new MasterInput();
    private final OutputStream output = new MasterOutput();

    PtyHostLink(int masterFd, String description) throws IOException {
        this.masterFd = masterFd;
        this.description = description;
        Posix.check(Posix.pipe(wakePipe), "pipe");
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

    /** Whether a read or write met an error other than the link being closed. */
    @Override
    public boolean failed() {
        return failed;
    }

    /** Waits for the link's own operations to leave the master before returning; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Memory one = new Memory(1)) {
            one.setByte(0, (byte) 1);
            Posix.write(wakePipe[1], one, new NativeLong(1));
        }
        readLock.lock();
        writeLock.lock();
        try {
            Posix.close(wakePipe[0]);
            Posix.close(wakePipe[1]);
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    /** Waits until the master is ready for {@code events}; false when the link was closed meanwhile. */
    private boolean awaitMaster(Memory pollFds, short events) throws IOException {
        pollFds.setInt(0, masterFd);
        pollFds.setShort(4, events);
        pollFds.setShort(6, (short) 0);
        pollFds.setInt(POLLFD_SIZE, wakePipe[0]);
        pollFds.setShort(POLLFD_SIZE + 4, Posix.POLLIN);
        pollFds.setShort(POLLFD_SIZE + 6, (short) 0);
        while (Posix.poll(pollFds, new NativeLong(2), -1) == -1) {
            if (Native.getLastError() != Posix.EINTR) {
                throw fail("poll");
            }
        }
        return pollFds.getShort(POLLFD_SIZE + 6) == 0;
    }

    private IOException fail(String call) {
        IOException e = Posix.failure(call + " on " + description);
        failed = true;
        return e;
    }

    private static boolean isRetry(int errno) {
        return errno == Posix.EAGAIN || errno == Posix.EINTR;
    }

    private final class MasterInput extends InputStream {

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
            readLock.lock();
            try {
                while (!closed.get()) {
                    long n = Posix.read(masterFd, readBuffer, new NativeLong(Math.min(len, CHUNK))).longValue();
                    if (n > 0) {
                        readBuffer.read(0, b, off, (int) n);
                        return (int) n;
                    }
                    if (n == 0) {
                        failed = true;
                        break;
                    }
                    if (!isRetry(Native.getLastError())) {
                        throw fail("read");
                    }
                    if (!awaitMaster(readPollFds, Posix.POLLIN)) {
                        break;
                    }
                }
                return -1;
            } finally {
                readLock.unlock();
            }
        }
    }

    private final class MasterOutput extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            writeLock.lock();
            try {
                int end = off + len;
                while (off < end) {
                    int chunk = Math.min(end - off, CHUNK);
                    writeBuffer.write(0, b, off, chunk);
                    writeFully(chunk);
                    off += chunk;
                }
            } finally {
                writeLock.unlock();
            }
        }

        private void writeFully(int length) throws IOException {
            int done = 0;
            while (done < length) {
                if (closed.get()) {
                    throw new IOException(description + " is closed");
                }
                Pointer from = writeBuffer.share(done);
                long n = Posix.write(masterFd, from, new NativeLong(length - done)).longValue();
                if (n > 0) {
                    done += (int) n;
                } else if (n == 0 || !isRetry(Native.getLastError())) {
                    throw fail("write");
                } else if (!awaitMaster(writePollFds, Posix.POLLOUT)) {
                    throw new IOException(description + " is closed");
                }
            }
        }
    }
}
