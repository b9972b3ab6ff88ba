package dev.qmodem.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** An open file of a {@link Volume} whose writes are charged to the volume's space. Not thread-safe. */
final class OpenFile {

    private final Volume volume;
    private final SeekableByteChannel channel;

    OpenFile(Volume volume, SeekableByteChannel channel) {
        this.volume = volume;
        this.channel = channel;
    }

    /** Reads up to {@code len} bytes at the position; returns how many, 0 at the end of the file. */
    int read(byte[] buffer, int offset, int len) throws FileError {
        return read(ByteBuffer.wrap(buffer, offset, len));
    }

    /**
     * Reads up to {@code target.remaining()} bytes at the position; returns how many, 0 at the end of the file. A
     * direct buffer is filled by the kernel with no copy through the heap.
     */
    int read(ByteBuffer target) throws FileError {
        int start = target.position();
        try {
            int n;
            do {
                n = channel.read(target);
            } while (n > 0 && target.hasRemaining());
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
        return target.position() - start;
    }

    /**
     * Writes all {@code len} bytes at the position, or none of them when the drive has no room.
     *
     * @throws FileError {@link FileErrorCode#DRIVE_FULL}, {@link FileErrorCode#FAIL_TO_WRITE}
     */
    void write(byte[] buffer, int offset, int len) throws FileError {
        write(ByteBuffer.wrap(buffer, offset, len));
    }

    /** {@link #write(byte[], int, int)} of the buffer's remaining bytes; a direct buffer goes to the kernel as is. */
    void write(ByteBuffer source) throws FileError {
        long sizeBefore = size();
        long growth = Math.max(0, position() + source.remaining() - sizeBefore);
        volume.reserve(growth);
        try {
            while (source.hasRemaining()) {
                channel.write(source);
            }
        } catch (IOException e) {
            volume.release(growth - grownSince(sizeBefore));
            throw new FileError(FileErrorCode.FAIL_TO_WRITE, e);
        }
    }

    private long grownSince(long sizeBefore) {
        try {
            return Math.max(0, channel.size() - sizeBefore);
        } catch (IOException e) {
            return 0;
        }
    }

    long position() throws FileError {
        try {
            return channel.position();
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
    }

    void position(long position) throws FileError {
        try {
            channel.position(position);
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
    }

    long size() throws FileError {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
    }

    /** Cuts the file at the position, giving the cut bytes' space back. */
    void truncateAtPosition() throws FileError {
        long size = size();
        long position = position();
        if (position >= size) {
            return;
        }
        try {
            channel.truncate(position);
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_WRITE, e);
        }
        volume.release(size - position);
    }

    void close() throws FileError {
        try {
            channel.close();
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_WRITE, e);
        }
    }
}
