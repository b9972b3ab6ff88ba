package dev.qmodem.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The byte path's one buffer policy: every copy (server, file or host on either side) goes through one buffer of
 * {@link #BUFFER} bytes, and a failure says which side it came from. Between two byte channels (a plain data
 * connection, a local file, a host's socket) the buffer is direct, so the bytes go from the kernel to the kernel
 * with no copy through the heap. Direct buffers are taken for one transfer and given back after it: a module
 * between transfers holds none, and up to {@link #POOLED} idle ones are kept for the next transfers (a direct
 * buffer is costly to allocate and freed only by the garbage collector).
 */
public final class Pump {

    /**
     * Bytes read or copied at a time, from the host or between a source and a sink. Each chunk costs system calls,
     * lock round trips and wake-ups; at 64 KiB they showed in profiles of a 1 GiB transfer.
     */
    public static final int BUFFER = 256 * 1024;

    /** Idle direct buffers kept for reuse, shared by every module of the process. */
    static final int POOLED = 16;

    private static final ConcurrentLinkedDeque<ByteBuffer> idle = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger idleCount = new AtomicInteger();

    /** Writing to the sink failed (the cause says how); any other IOException of a copy is the source's. */
    public static final class SinkFailure extends IOException {
        SinkFailure(IOException cause) {
            super(cause);
        }

        /** The sink's own exception. */
        public IOException sinkCause() {
            return (IOException) getCause();
        }
    }

    private Pump() {
    }

    /** Copies at most {@code limit} bytes (-1: all); source failures propagate, sink failures as SinkFailure. */
    public static long copy(InputStream source, OutputStream sink, long limit) throws IOException {
        if (source instanceof ReadableByteChannel in && sink instanceof WritableByteChannel out) {
            return copy(in, out, limit);
        }
        byte[] buffer = new byte[bufferSize(limit)];
        long copied = 0;
        while (limit < 0 || copied < limit) {
            int want = limit < 0 ? buffer.length : (int) Math.min(buffer.length, limit - copied);
            int n = source.read(buffer, 0, want);
            if (n < 0) {
                break;
            }
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
            copied += n;
        }
        return copied;
    }

    private static long copy(ReadableByteChannel source, WritableByteChannel sink, long limit) throws IOException {
        int size = bufferSize(limit);
        ByteBuffer buffer = size == BUFFER ? takeDirect() : ByteBuffer.allocate(size);
        try {
            return copy(source, sink, limit, buffer);
        } finally {
            giveBack(buffer);
        }
    }

    private static long copy(ReadableByteChannel source, WritableByteChannel sink, long limit, ByteBuffer buffer)
            throws IOException {
        long copied = 0;
        while (limit < 0 || copied < limit) {
            buffer.clear();
            if (limit >= 0 && limit - copied < buffer.capacity()) {
                buffer.limit((int) (limit - copied));
            }
            int n = source.read(buffer);
            if (n < 0) {
                break;
            }
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    sink.write(buffer);
                }
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
            copied += n;
        }
        return copied;
    }

    /** A direct buffer of {@link #BUFFER} bytes for one transfer; {@link #giveBack} it when the transfer is over. */
    public static ByteBuffer takeDirect() {
        ByteBuffer buffer = idle.pollFirst();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(BUFFER);
        }
        idleCount.decrementAndGet();
        return buffer.clear();
    }

    /** Keeps a direct buffer of {@link #takeDirect} for the next transfer, unless enough are kept; others are dropped. */
    public static void giveBack(ByteBuffer buffer) {
        if (!buffer.isDirect() || buffer.capacity() != BUFFER) {
            return;
        }
        if (idleCount.incrementAndGet() <= POOLED) {
            idle.addFirst(buffer);
        } else {
            idleCount.decrementAndGet();
        }
    }

    /**
     * Writes all of a buffer's remaining bytes to a sink: as a channel if it is one, else from the buffer's array, or
     * through a heap copy for a direct buffer.
     */
    public static void write(OutputStream sink, ByteBuffer bytes) throws IOException {
        if (sink instanceof WritableByteChannel channel) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } else if (bytes.hasArray()) {
            sink.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
        } else {
            byte[] copy = new byte[Math.min(bytes.remaining(), DataMode.SLICE)];
            while (bytes.hasRemaining()) {
                int n = Math.min(copy.length, bytes.remaining());
                bytes.get(copy, 0, n);
                sink.write(copy, 0, n);
            }
        }
    }

    /** No bigger than the copy needs: a short file or listing does not take a whole buffer. */
    private static int bufferSize(long limit) {
        return limit < 0 ? BUFFER : (int) Math.max(1, Math.min(BUFFER, limit));
    }
}
