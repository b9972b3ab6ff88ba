package dev.qmodem.data;

import dev.qmodem.at.AtSettings;
import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The one place that decides where a host byte goes: to data mode while a data-mode session is active (which
 * also applies the {@code +++} escape and takes the line feed that still belongs to the command line), else to
 * command mode, switching mid-read right after the command that answered CONNECT or right where the data ended.
 * A host is read a few KiB at a time, except while an upload takes its bytes: then {@link Pump#BUFFER} at a
 * time, into a direct buffer when the host has a channel, given back once the upload is over. So a thousand idle
 * hosts cost a few MiB, and an upload's bytes go from the host's socket to the server's with no heap copy.
 */
public final class HostRouter {

    /** Command mode: decodes host bytes into command lines and runs them. */
    @FunctionalInterface
    public interface CommandMode {
        /**
         * Consumes bytes up to and including the end of at most one command line, running it; a command that
         * answers CONNECT activates data mode before this returns.
         *
         * @return how many bytes were consumed
         */
        int feed(byte[] bytes, int off, int len);
    }

    /** Bytes read at a time in command mode (and while a download ignores the host): a command line or a few. */
    static final int COMMAND_BUFFER = 4 * 1024;

    private final DataMode dataMode;
    private final CommandMode commandMode;
    private final Clock clock;
    private final byte[] commandBytes = new byte[COMMAND_BUFFER];
    /** The last byte command mode took ended a line (a CR): the next one tells the host's line ending. */
    private boolean afterLineEnd;

    public HostRouter(DataMode dataMode, CommandMode commandMode, Clock clock) {
        this.dataMode = dataMode;
        this.commandMode = commandMode;
        this.clock = clock;
    }

    /**
     * Reads the host until it ends or fails, from {@code channel} if the host has one, else from {@code in}. The
     * caller then detaches the host's output and only after that tells data mode the host is gone, so that nothing
     * the end of data mode answers reaches the gone host.
     */
    public void readFrom(InputStream in, ReadableByteChannel channel) throws IOException {
        ByteBuffer command = ByteBuffer.wrap(commandBytes);
        ByteBuffer upload = null;
        try {
            while (true) {
                boolean receiving = dataMode.receiving();
                if (receiving && upload == null) {
                    upload = channel != null ? Pump.takeDirect() : ByteBuffer.allocate(Pump.BUFFER);
                } else if (!receiving && upload != null) {
                    Pump.giveBack(upload);
                    upload = null;
                }
                ByteBuffer buffer = (upload != null ? upload : command).clear();
                if (read(in, channel, buffer) < 0) {
                    return;
                }
                route(buffer.flip());
            }
        } finally {
            if (upload != null) {
                Pump.giveBack(upload);
            }
        }
    }

    private static int read(InputStream in, ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        if (channel != null) {
            return channel.read(buffer);
        }
        int n = in.read(buffer.array(), buffer.arrayOffset(), buffer.capacity());
        if (n > 0) {
            buffer.position(n);
        }
        return n;
    }

    /** Routes bytes that arrived together (a buffer's remaining ones). */
    private void route(ByteBuffer bytes) throws IOException {
        long readAt = clock.nanoTime();
        while (bytes.hasRemaining()) {
            if (dataMode.fromHost(bytes, readAt) >= 0) {
                afterLineEnd = false;
            } else {
                feedCommandMode(bytes);
            }
        }
    }

    /**
     * One command line at most: data mode may begin right after it. A direct buffer's bytes are copied for it. A
     * line feed in the same read right after the line's CR is that line's, never data.
     */
    private void feedCommandMode(ByteBuffer bytes) {
        int start = bytes.position();
        if (bytes.hasArray()) {
            int used = commandMode.feed(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.position() + used);
        } else {
            int n = Math.min(commandBytes.length, bytes.remaining());
            bytes.get(bytes.position(), commandBytes, 0, n);
            bytes.position(bytes.position() + commandMode.feed(commandBytes, 0, n));
        }
        learnLineEnding(bytes, start, bytes.position());
        if (afterLineEnd && bytes.hasRemaining() && bytes.get(bytes.position()) == dataMode.settings().lineFeed()) {
            learnLineEnding(bytes, bytes.position(), bytes.position() + 1);
            bytes.position(bytes.position() + 1);
        }
    }

    private void learnLineEnding(ByteBuffer bytes, int from, int to) {
        AtSettings settings = dataMode.settings();
        for (int i = from; i < to; i++) {
            byte b = bytes.get(i);
            if (afterLineEnd) {
                dataMode.hostSendsLineFeeds(b == settings.lineFeed());
            }
            afterLineEnd = b == settings.lineTerminator();
        }
    }
}
