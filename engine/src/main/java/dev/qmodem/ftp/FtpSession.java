package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A logged-in FTP(S) client session: the state behind {@code AT+QFTPOPEN} .. {@code AT+QFTPCLOSE}.
 * <p>
 * Every blocking wait (connecting, each control reply, a data connection, the silence between data packets)
 * is bounded by {@link FtpSettings#responseTimeout()}. Failures are {@link FtpFailure}s carrying the
 * {@code <err>,<protocol_error>} pair. One operation at a time: while a {@link DownloadConnection} or {@link UploadConnection} is
 * unfinished, other commands throw {@link IllegalStateException} (the AT layer answers busy before that).
 * Not thread-safe apart from {@code abort()} and {@code bytesTransferred()} on a transfer.
 */
public final class FtpSession implements Closeable {

    /** Socket buffers for the data connection: large enough to keep loopback transfers at memory speed. */
    static final int DATA_SOCKET_BUFFER = 1024 * 1024;

    private final FtpWire wire;
    private final long timeoutMillis;
    private final Clock clock;
    private Socket activeData;
    private volatile boolean closed;
    private Boolean binary;

    private FtpSession(FtpWire wire, long timeoutMillis, Clock clock) {
        this.wire = wire;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
    }

    /**
     * Connects, negotiates TLS as configured, logs in, sets the transfer type and the data connection mode.
     *
     * @throws FtpFailure 604 host not resolved, 605 refused or unreachable, 609 timeout, 631 TLS,
     *                    625/530 login refused, or the mapping of any other unexpected reply
     * @param clock   times the upload watchdogs
     */
    public static FtpSession open(String host, int port, FtpSettings settings, Clock clock) throws FtpFailure {
        return open(host, port, settings, clock, FtpNetwork.DIRECT);
    }

    /** As {@link #open(String, int, FtpSettings, Clock)}, reaching the server through {@code network}. */
    public static FtpSession open(String host, int port, FtpSettings settings, Clock clock, FtpNetwork network)
            throws FtpFailure {
        try {
            network.resolve(host);
        } catch (UnknownHostException e) {
            throw FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        }
        long timeoutMillis = settings.responseTimeout().toMillis();
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMillis));
        FtpWire wire = new FtpWire(settings);
        wire.setConnectTimeout(timeout);
        wire.setDefaultTimeout(timeout);
        wire.setDataTimeout(settings.responseTimeout());
        wire.setControlEncoding(StandardCharsets.UTF_8.name());
        wire.setReceieveDataSocketBufferSize(DATA_SOCKET_BUFFER);
        wire.setSendDataSocketBufferSize(DATA_SOCKET_BUFFER);
        wire.setIpAddressFromPasvResponse(!settings.dataAddressFromControl());
        // data_address 0 means the PASV address exactly; Commons Net would otherwise swap private addresses.
        wire.setPassiveNatWorkaroundStrategy(null);
        // A module connects wherever the server points it, and accepts the active connection from any peer.
        wire.setRemoteVerificationEnabled(false);
        FtpSession session = new FtpSession(wire, timeoutMillis, clock);
        try {
            wire.setSocketFactory(network.sockets(FtpErrors.Channel.CONTROL));
            wire.connect(host, port);
            wire.setSocketFactory(network.sockets(FtpErrors.Channel.DATA));
            if (!FTPReply.isPositiveCompletion(wire.getReplyCode())) {
                throw FtpErrors.fromReply(wire.getReplyCode(), wire.getReplyString());
            }
            session.login(settings);
            if (settings.security() != FtpSecurity.NONE) {
                session.command("PBSZ", "0");
                session.command("PROT", "P");
            }
            session.transferType(settings.binary());
            if (settings.passive()) {
                wire.enterLocalPassiveMode();
            } else {
                wire.enterLocalActiveMode();
            }
            return session;
        } catch (IOException e) {
            disconnectQuietly(wire);
            throw FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        } catch (RuntimeException e) {
            disconnectQuietly(wire);
            throw e;
        }
    }

    private void login(FtpSettings settings) throws IOException {
        int reply = wire.sendCommand("USER", settings.user());
        if (reply == FTPReply.NEED_PASSWORD) {
            reply = wire.sendCommand("PASS", settings.password());
        }
        if (!FTPReply.isPositiveCompletion(reply)) {
            throw FtpErrors.fromReply(reply, wire.getReplyString());
        }
    }

    /** Sends TYPE I (binary) or TYPE A (ASCII) if the session is not already in that type. */
    public void transferType(boolean binary) throws FtpFailure {
        if (this.binary == null || this.binary != binary) {
            command("TYPE", binary ? "I" : "A");
            this.binary = binary;
        }
    }

    /** CWD: changes the working directory. */
    public void cwd(String directory) throws FtpFailure {
        command("CWD", directory);
    }

    /** PWD: the working directory as the 257 reply quotes it, unquoted ({@code ""} inside becomes {@code "}). */
    public String pwd() throws FtpFailure {
        String reply = command("PWD", null);
        int open = reply.indexOf('"');
        if (open < 0) {
            throw malformed(reply);
        }
        StringBuilder path = new StringBuilder();
        for (int i = open + 1; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c == '"') {
                if (i + 1 < reply.length() && reply.charAt(i + 1) == '"') {
                    path.append('"');
                    i++;
                } else {
                    return path.toString();
                }
            } else {
                path.append(c);
            }
        }
        throw malformed(reply);
    }

    /** SIZE: the remote file's size in bytes (in the current transfer type). */
    public long size(String remote) throws FtpFailure {
        String value = replyArgument(command("SIZE", remote));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(value);
        }
    }

    /** MDTM: the remote file's modification time exactly as the server gave it: {@code YYYYMMDDHHMMSS[.sss]}. */
    public String mdtm(String remote) throws FtpFailure {
        return replyArgument(command("MDTM", remote));
    }

    /** DELE: deletes a remote file. */
    public void delete(String remote) throws FtpFailure {
        command("DELE", remote);
    }

    /** MKD: creates a remote directory. */
    public void mkdir(String directory) throws FtpFailure {
        command("MKD", directory);
    }

    /** RMD: removes a remote directory. */
    public void rmdir(String directory) throws FtpFailure {
        command("RMD", directory);
    }

    /** RNFR then RNTO: renames a remote file or directory. */
    public void rename(String from, String to) throws FtpFailure {
        requireIdle();
        try {
            int reply = wire.sendCommand("RNFR", from);
            if (!FTPReply.isPositiveIntermediate(reply)) {
                throw FtpErrors.fromReply(reply, wire.getReplyString());
            }
        } catch (IOException e) {
            throw controlFailure(e);
        }
        command("RNTO", to);
    }

    /**
     * RETR, after {@code REST restartOffset} when it is positive: starts a download.
     *
     * @throws FtpFailure when the server refuses (e.g. 627/550 no such file) or no data connection comes
     */
    public DownloadConnection retrieve(String remote, long restartOffset) throws FtpFailure {
        Socket socket = openData("RETR", remote, restartOffset);
        try {
            return new DownloadConnection(this, socket);
        } catch (IOException e) {
            throw dataSetupFailed(socket, e);
        }
    }

    /**
     * LIST, NLST or MLSD of {@code directory}: a path, or "." (or null) for the working directory, which is sent
     * as the bare command since every server takes that form.
     */
    public DownloadConnection retrieveListing(ListingKind kind, String directory) throws FtpFailure {
        String argument = directory == null || directory.isEmpty() || directory.equals(".") ? null : directory;
        Socket socket = openData(kind.name(), argument, 0);
        try {
            return new DownloadConnection(this, socket);
        } catch (IOException e) {
            throw dataSetupFailed(socket, e);
        }
    }

    /**
     * STOR, after {@code REST restartOffset} when it is positive: starts an upload that writes from that offset.
     * REST+STOR rather than APPE because {@code <startpos>} is a server offset (DESIGN.md decision 8) that need
     * not equal the remote size; vsftpd, pure-ftpd and Apache FtpServer all honour REST before STOR.
     */
    public UploadConnection store(String remote, long restartOffset) throws FtpFailure {
        Socket socket = openData("STOR", remote, restartOffset);
        try {
            return new UploadConnection(this, socket, timeoutMillis, clock);
        } catch (IOException e) {
            throw dataSetupFailed(socket, e);
        }
    }

    /** Whether {@link #close()} has not been called yet. */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * QUIT, then closes every socket. Aborts an unfinished transfer first. Returns within about two response
     * timeouts even when the server is dead; the sockets are released whatever happens.
     *
     * @throws FtpFailure when QUIT got no reply or an unexpected one (the session is closed anyway)
     */
    @Override
    public void close() throws FtpFailure {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (activeData != null) {
                closeQuietly(activeData);
                abandonTransfer(activeData);
            }
            int reply = wire.sendCommand("QUIT");
            if (!FTPReply.isPositiveCompletion(reply)) {
                throw FtpErrors.fromReply(reply, wire.getReplyString());
            }
        } catch (IOException e) {
            throw FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        } finally {
            disconnectQuietly(wire);
        }
    }

    void finishTransfer(Socket data) throws FtpFailure {
        wire.closeData(data, Duration.ofMillis(timeoutMillis));
        activeData = null;
        try {
            int reply = wire.getReply();
            if (!FTPReply.isPositiveCompletion(reply)) {
                throw FtpErrors.fromReply(reply, wire.getReplyString());
            }
        } catch (IOException e) {
            throw controlFailure(e);
        }
    }

    void abandonTransfer(Socket data) {
        try {
            finishTransfer(data);
        } catch (FtpFailure expected) {
            // An aborted transfer ends in 426 or 451 by design; only the reply's consumption matters.
        }
    }

    private Socket openData(String command, String argument, long restartOffset) throws FtpFailure {
        requireIdle();
        if (restartOffset < 0) {
            throw new IllegalArgumentException("restartOffset < 0: " + restartOffset);
        }
        wire.setRestartOffset(restartOffset);
        try {
            Socket socket = wire.openData(command, argument);
            if (socket == null) {
                throw FtpErrors.fromReply(wire.getReplyCode(), wire.getReplyString());
            }
            activeData = socket;
            return socket;
        } catch (FTPConnectionClosedException e) {
            throw controlFailure(e);
        } catch (IOException e) {
            throw FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
        } finally {
            wire.setRestartOffset(0);
        }
    }

    private FtpFailure dataSetupFailed(Socket socket, IOException e) {
        closeQuietly(socket);
        abandonTransfer(socket);
        return FtpErrors.fromIOException(e, FtpErrors.Channel.DATA);
    }

    /** Sends a command that must end in a 2xx reply and returns that reply's text. */
    private String command(String command, String argument) throws FtpFailure {
        requireIdle();
        try {
            int reply = wire.sendCommand(command, argument);
            if (!FTPReply.isPositiveCompletion(reply)) {
                throw FtpErrors.fromReply(reply, wire.getReplyString());
            }
            return wire.getReplyString().strip();
        } catch (IOException e) {
            throw controlFailure(e);
        }
    }

    /**
     * The failure for an I/O error on the control connection. When the connection is gone (closed, reset, or 421)
     * the session is over: it closes itself, so {@link #isOpen()} tells the AT layer to report the service closed.
     */
    private FtpFailure controlFailure(IOException e) {
        FtpFailure failure = FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        if (e instanceof FTPConnectionClosedException || failure.err() == FtpErrors.CONTROL_LOST
                || failure.err() == FtpErrors.RESET_BY_PEER) {
            closed = true;
            disconnectQuietly(wire);
        }
        return failure;
    }

    private void requireIdle() {
        if (closed) {
            throw new IllegalStateException("session closed");
        }
        if (activeData != null) {
            throw new IllegalStateException("a transfer is in progress");
        }
    }

    private static String replyArgument(String reply) {
        return reply.length() > 4 ? reply.substring(4).strip() : "";
    }

    private FtpFailure malformed(String reply) {
        return new FtpFailure(FtpErrors.UNKNOWN, wire.getReplyCode(), "malformed reply: " + reply, null);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is unusable either way.
        }
    }

    private static void disconnectQuietly(FtpWire wire) {
        try {
            wire.disconnect();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
