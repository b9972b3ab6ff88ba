package dev.qmodem.ftp;

import dev.qmodem.time.Watchdog;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSocket;

/**
 * A plain data connection's socket channel, non-blocking under a selector of its own, so that every wait for the
 * server (for bytes to read, or for room to write) can be ended by the transfer's {@link Watchdog} on the module's
 * clock without a timer per write, and bytes move between the kernel and the caller's buffer with no copy in between
 * when that buffer is direct. Closing it from any thread wakes a thread waiting in it.
 */
final class DataChannel {

    /** What an {@link Attempt} returns when the kernel could not move anything yet. */
    private static final long NOT_YET = Long.MIN_VALUE;

    private final SocketChannel channel;
    private final Selector selector;
    private final Watchdog silence;
    private final SelectionKey key;

    private DataChannel(SocketChannel channel, Selector selector, Watchdog silence) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.silence = silence;
        channel.configureBlocking(false);
        this.key = channel.register(selector, 0);
    }

    /**
     * The channel under a plain {@code socket}, or null when it has none (an accepted socket of another kind) or is
     * a TLS socket, in which case the caller keeps using the socket's streams. A JSSE socket layered on a channel's
     * socket answers {@code getChannel()} with that plain channel: writing there would bypass TLS.
     *
     * @param silence the transfer's watchdog; its expiry must call {@link #expire()}
     */
    static DataChannel of(Socket socket, Watchdog silence) throws IOException {
        if (socket instanceof SSLSocket) {
            return null;
        }
        SocketChannel channel = socket.getChannel();
        if (channel == null) {
            return null;
        }
        Selector selector = Selector.open();
        try {
            return new DataChannel(channel, selector, silence);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
    }

    /**
     * Reads at least one byte, or -1 at the end of the data; waits for the first until the watchdog expires.
     * Failures are {@link SocketException}s as a socket's stream throws them, or a {@link SocketTimeoutException}.
     */
    int read(ByteBuffer target) throws IOException {
        return (int) untilDone(SelectionKey.OP_READ, () -> {
            int n = channel.read(target);
            return n == 0 && target.hasRemaining() ? NOT_YET : n;
        });
    }

    /** Writes all of {@code source}; each time the server takes no more, waits until the watchdog expires. */
    void write(ByteBuffer source) throws IOException {
        untilDone(SelectionKey.OP_WRITE, () -> {
            channel.write(source);
            return source.hasRemaining() ? NOT_YET : 0;
        });
    }

    /** One non-blocking try of a read or write: its result, or {@link #NOT_YET} to wait and try again. */
    @FunctionalInterface
    private interface Attempt {
        long run() throws IOException;
    }

    /** Tries until an attempt is done, waiting for {@code operation} in between; failures as a socket's stream's. */
    private long untilDone(int operation, Attempt attempt) throws IOException {
        try {
            long result;
            while ((result = attempt.run()) == NOT_YET) {
                await(operation);
            }
            return result;
        } catch (SocketException | SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw asSocketException(e);
        }
    }

    /** The watchdog's expiry: a thread waiting in {@link #read} or {@link #write} (or about to) times out. */
    void expire() {
        selector.wakeup();
    }

    /** What a socket's stream would have thrown: "Socket closed", "Connection reset by peer"... */
    private static SocketException asSocketException(IOException e) {
        String message = e instanceof ClosedChannelException ? "Socket closed" : e.getMessage();
        SocketException socketException = new SocketException(message);
        socketException.initCause(e);
        return socketException;
    }

    private void await(int operation) throws IOException {
        try {
            key.interestOps(operation);
            silence.waiting();
            try {
                while (true) {
                    if (silence.expired()) {
                        throw new SocketTimeoutException("the server was silent for the response timeout");
                    }
                    int ready = selector.select();
                    selector.selectedKeys().clear();
                    if (!channel.isOpen() || !selector.isOpen()) {
                        throw new AsynchronousCloseException();
                    }
                    if (ready > 0) {
                        return;
                    }
                }
            } finally {
                silence.idle();
            }
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw new AsynchronousCloseException();
        }
    }

    /** Closes the channel and its selector; a thread waiting in {@link #read} or {@link #write} fails at once. */
    void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // the selector's own descriptors are released either way
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort: the channel is unusable either way
        }
    }
}
