package dev.qmodem.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * {@link LocalStorage#openRead}: reads a file from an offset, holding a shared open until closed. Also a
 * {@link ReadableByteChannel}, so that a transfer can read into a direct buffer with no copy through the heap.
 */
final class StoredInputStream extends InputStream implements ReadableByteChannel {

    private final Object lock;
    private final OpenFile file;
    private final Runnable onClose;
    private boolean closed;

    StoredInputStream(Object lock, OpenFile file, Runnable onClose) {
        this.lock = lock;
        this.file = file;
        this.onClose = onClose;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) throws IOException {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        if (len == 0) {
            return 0;
        }
        synchronized (lock) {
            ensureOpen();
            int count = file.read(buffer, offset, len);
            return count == 0 ? -1 : count;
        }
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (!target.hasRemaining()) {
            return 0;
        }
        synchronized (lock) {
            ensureOpen();
            int count = file.read(target);
            return count == 0 ? -1 : count;
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    @Override
    public int available() throws IOException {
        synchronized (lock) {
            ensureOpen();
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, file.size() - file.position()));
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            onClose.run();
            file.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
