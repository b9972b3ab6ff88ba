package dev.qmodem.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * {@link LocalStorage#createFile}: writes straight into the named file, unbuffered, so that whatever has
 * been written is in the file whenever the writer stops; holds an exclusive open until closed. Also a
 * {@link WritableByteChannel}, so that a transfer can write from a direct buffer with no copy through the heap.
 */
final class StoredOutputStream extends OutputStream implements WritableByteChannel {

    private final Object lock;
    private final OpenFile file;
    private final Runnable onClose;
    private boolean closed;

    StoredOutputStream(Object lock, OpenFile file, Runnable onClose) {
        this.lock = lock;
        this.file = file;
        this.onClose = onClose;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** All or nothing: @throws FileError {@link FileErrorCode#DRIVE_FULL} with nothing written */
    @Override
    public void write(byte[] buffer, int offset, int len) throws IOException {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        synchronized (lock) {
            if (closed) {
                throw new IOException("stream closed");
            }
            file.write(buffer, offset, len);
        }
    }

    /** All or nothing, as {@link #write(byte[], int, int)}. */
    @Override
    public int write(ByteBuffer source) throws IOException {
        int length = source.remaining();
        synchronized (lock) {
            if (closed) {
                throw new IOException("stream closed");
            }
            file.write(source);
        }
        return length;
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
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
}
