package dev.qmodem.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/** The bytes of one RAM drive file, read and written through channels that each keep their own position. */
final class RamFile {

    private byte[] data = new byte[0];
    private int length;

    int length() {
        return length;
    }

    SeekableByteChannel channel(boolean writable) {
        return new Channel(writable);
    }

    private final class Channel implements SeekableByteChannel {

        private final boolean writable;
        private long position;
        private boolean open = true;

        Channel(boolean writable) {
            this.writable = writable;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            ensureOpen();
            if (position >= length) {
                return -1;
            }
            int count = (int) Math.min(target.remaining(), length - position);
            target.put(data, (int) position, count);
            position += count;
            return count;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            ensureOpen();
            if (!writable) {
                throw new NonWritableChannelException();
            }
            int count = source.remaining();
            long end = position + count;
            if (end > StorageConfig.MAX_RAM_CAPACITY) {
                throw new IOException("RAM file larger than " + StorageConfig.MAX_RAM_CAPACITY + " bytes");
            }
            if (end > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(StorageConfig.MAX_RAM_CAPACITY, Math.max(end, 2L * data.length)));
            }
            if (position > length) {
                // a truncation may have left old bytes past the end; a gap reads as zeros
                Arrays.fill(data, length, (int) position, (byte) 0);
            }
            source.get(data, (int) position, count);
            position = end;
            length = Math.max(length, (int) end);
            return count;
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            ensureOpen();
            if (!writable) {
                throw new NonWritableChannelException();
            }
            if (size < length) {
                length = (int) size;
            }
            position = Math.min(position, size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        private void ensureOpen() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }
}
