package dev.qmodem.ftp;

import dev.qmodem.time.Clock;
import dev.qmodem.time.Watchdog;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * What a download and an upload share: the data connection of one transfer, the bytes moved over it, its two
 * ways to end (complete, reading the server's final reply; or abort, from any thread), and one {@link Watchdog} on
 * the module's clock that fails a wait for the server lasting the response timeout (609).
 */
public abstract sealed class DataConnection permits DownloadConnection, UploadConnection {

    /** A TLS download's heap buffer for bytes on their way to a direct buffer (TLS works on the heap). */
    static final int BOUNCE = 64 * 1024;

    /**
     * The most a TLS upload hands JSSE at once, through the heap from a direct buffer: as much as the byte path moves
     * at a time. Each write ends in a short TLS record (JSSE fills records to 16,367 bytes), and the server pays a
     * few system calls per record: with 64 KiB writes one record in five carried 68 bytes, and the machine spent
     * 29 % more CPU per byte than on curl's uploads, in vsftpd mostly.
     */
    static final int UPLOAD_BOUNCE = 256 * 1024;

    private final FtpSession session;
    final Socket socket;
    /** The plain socket's channel, or null for a TLS socket, which is read and written through its streams. */
    final DataChannel channel;
    /** Around every wait for the server: {@link Watchdog#waiting()} before, {@link Watchdog#idle()} after. */
    final Watchdog silence;
    final long timeoutMillis;
    private volatile long bytes;
    private boolean finished;

    DataConnection(FtpSession session, Socket socket, long timeoutMillis, Clock clock) throws IOException {
        this.session = session;
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
        this.silence = Watchdog.start(clock, timeoutMillis, TimeUnit.MILLISECONDS, this::expire);
        try {
            this.channel = DataChannel.of(socket, silence);
        } catch (IOException | RuntimeException e) {
            silence.stop();
            throw e;
        }
    }

    /**
     * The watchdog's expiry, on the clock's thread: a channel's wait is woken; a TLS socket is closed under the
     * blocked read or write, aside because closing one may block (close_notify).
     */
    private void expire() {
        if (channel != null) {
            channel.expire();
        } else {
            Thread.ofVirtual().name("ftp-data-timeout").start(() -> FtpSession.closeQuietly(socket));
        }
    }

    /** How a TLS connection's stream is had from its socket. */
    @FunctionalInterface
    interface SocketStream<T> {
        T of(Socket socket) throws IOException;
    }

    /** A TLS connection's stream, or null for a channel; when it cannot be had, the watchdog stops with the transfer. */
    final <T> T tlsStream(SocketStream<T> stream) throws IOException {
        if (channel != null) {
            return null;
        }
        try {
            return stream.of(socket);
        } catch (IOException e) {
            silence.stop();
            throw e;
        }
    }

    /** The failure of a stream read or write: 609 when the watchdog ended it, else what the error means. */
    FtpFailure streamFailure(IOException e) {
        if (silence.expired()) {
            return new FtpFailure(FtpErrors.TIMEOUT, 0, "the server was silent for " + timeoutMillis + " ms", e);
        }
        return FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
    }

    /** Bytes moved over the data connection so far (not counting the restart offset). Safe from any thread. */
    public long bytesTransferred() {
        return bytes;
    }

    /** Only the one thread that reads or writes the data counts it. */
    void count(int moved) {
        bytes += moved;
    }

    /** Closes the data connection and reads the final reply; a 4xx/5xx reply becomes its failure. */
    public synchronized void complete() throws FtpFailure {
        if (finished) {
            throw new IllegalStateException("transfer already finished");
        }
        finished = true;
        closeChannel();
        session.finishTransfer(socket);
    }

    /**
     * Ends the transfer early from any thread: closes the data connection (a reader or writer blocked on it gets
     * a failure; an upload's server keeps what it received) and consumes the server's reply, whatever it is.
     * Does nothing once finished.
     */
    public void abort() {
        closeChannel();
        FtpSession.closeQuietly(socket);
        synchronized (this) {
            if (!finished) {
                finished = true;
                session.abandonTransfer(socket);
            }
        }
    }

    /** Releases the channel's selector, which also lets the closed socket go (and wakes a waiting reader or writer). */
    private void closeChannel() {
        silence.stop();
        if (channel != null) {
            channel.close();
        }
    }
}
