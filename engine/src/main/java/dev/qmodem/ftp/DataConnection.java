package dev.qmodem.ftp;

import java.io.IOException;
import java.net.Socket;

/**
 * What a download and an upload share: the data connection of one transfer, the bytes moved over it, and its two
 * ways to end (complete, reading the server's final reply; or abort, from any thread).
 */
public abstract sealed class DataConnection permits DownloadConnection, UploadConnection {

    /** A TLS connection's heap buffer for bytes to or from a direct buffer (TLS works on the heap). */
    static final int BOUNCE = 64 * 1024;

    private final FtpSession session;
    final Socket socket;
    /** The plain socket's channel, or null for a TLS socket, which is read and written through its streams. */
    final DataChannel channel;
    private volatile long bytes;
    private boolean finished;

    DataConnection(FtpSession session, Socket socket) throws IOException {
        this.session = session;
        this.socket = socket;
        this.channel = DataChannel.of(socket);
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
        if (channel != null) {
            channel.close();
        }
    }
}
