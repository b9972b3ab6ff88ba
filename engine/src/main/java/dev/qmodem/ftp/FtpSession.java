package dev.qmodem.ftp;

import dev.qmodem.os.SocketBuffers;
import dev.qmodem.time.Clock;

import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A logged-in FTP(S) client session: the state behind {@code AT+QFTPOPEN} .. {@code AT+QFTPCLOSE}.
 * <p>
 * {@link FtpSettings#responseTimeout()} is a deadline for each control operation as a whole (the login with its
 * greeting, TLS and TYPE; each command; a transfer's start up to its data connection; its final reply): when it runs
 * out, every socket is closed and the operation fails with 609, however the server drips its replies. Between data
 * packets it bounds each silence. Replies are bounded in size ({@link BoundedReplyReader}). Failures are
 * {@link FtpFailure}s carrying the {@code <err>,<protocol_error>} pair; one that leaves the control connection
 * unusable (lost, reset, timed out, an oversized reply) closes the session. One operation at a time: while a
 * {@link DownloadConnection} or {@link UploadConnection} is unfinished, other commands throw
 * {@link IllegalStateException} (the AT layer answers busy before that); a closed session fails them with 606.
 * Not thread-safe apart from {@link #abort()}, and {@code abort()} and {@code bytesTransferred()} on a transfer.
 */
public final class FtpSession implements Closeable {

    /** A function of the control connection that may block on the server. */
    @FunctionalInterface
    private interface WireCall<T> {
        T call() throws IOException;
    }

    private final FtpWire wire;
    private final FtpSettings settings;
    private final long timeoutMillis;
    private final Clock clock;
    private final Object deadlineLock = new Object();
    private Socket activeData;
    private volatile boolean closed;
    private volatile boolean timedOut;
    private volatile boolean aborted;
    private Boolean binary;

    private FtpSession(FtpWire wire, FtpSettings settings, Clock clock) {
        this.wire = wire;
        this.settings = settings;
        this.timeoutMillis = settings.responseTimeout().toMillis();
        this.clock = clock;
    }

    /**
     * Connects, negotiates TLS as configured, logs in, sets the transfer type and the data connection mode.
     *
     * @throws FtpFailure 604 host not resolved, 605 refused or unreachable, 609 timeout, 631 TLS,
     *                    625/530 login refused, 601 an oversized reply, or the mapping of any other unexpected reply
     * @param clock   times the operations' deadlines and the upload watchdogs
     */
    public static FtpSession open(String host, int port, FtpSettings settings, Clock clock) throws FtpFailure {
        FtpSession session = prepare(settings, clock);
        session.connect(host, port);
        return session;
    }

    /** A session not yet connected: {@link #connect} logs it in; {@link #abort()} may end it from another thread. */
    public static FtpSession prepare(FtpSettings settings, Clock clock) {
        long timeoutMillis = settings.responseTimeout().toMillis();
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMillis));
        FtpWire wire = new FtpWire(settings, clock);
        wire.setConnectTimeout(timeout);
        wire.setDefaultTimeout(timeout);
        wire.setDataTimeout(settings.responseTimeout());
        wire.setControlEncoding(StandardCharsets.UTF_8.name());
        wire.setSocketFactory(ChannelSockets.CLIENT);
        wire.setServerSocketFactory(ChannelSockets.SERVER);
        wire.setReceieveDataSocketBufferSize(SocketBuffers.receive()); // 0: not set, left to the kernel
        wire.setSendDataSocketBufferSize(SocketBuffers.send());
        wire.setIpAddressFromPasvResponse(!settings.dataAddressFromControl());
        // data_address 0 means the PASV address exactly; Commons Net would otherwise swap private addresses.
        wire.setPassiveNatWorkaroundStrategy(null);
        // Passive data goes wherever the server points (data_address 0); an active connection's source is checked
        // by FtpWire itself, so Commons Net's check (which would also refuse such passive data) stays off.
        wire.setRemoteVerificationEnabled(false);
        return new FtpSession(wire, settings, clock);
    }

    /** See {@link #open}: the same, on a prepared session. On failure the session is closed. */
    public void connect(String host, int port) throws FtpFailure {
        connect(host, port, FtpNetwork.DIRECT);
    }

    /** As {@link #connect(String, int)}, reaching the server through {@code network} (the module's faults). */
    public void connect(String host, int port, FtpNetwork network) throws FtpFailure {
        try {
            network.resolve(host);
        } catch (UnknownHostException e) {
            closed = true;
            throw FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        }
        try {
            withinDeadline(settings.responseTimeout(), () -> {
                wire.setSocketFactory(network.sockets(FtpErrors.Channel.CONTROL, ChannelSockets.CLIENT));
                wire.connect(host, port);
                wire.setSocketFactory(network.sockets(FtpErrors.Channel.DATA, ChannelSockets.CLIENT));
                wire.setServerSocketFactory(network.listeners(ChannelSockets.SERVER));
                if (!FTPReply.isPositiveCompletion(wire.getReplyCode())) {
                    throw FtpErrors.fromReply(wire.getReplyCode(), wire.getReplyString());
                }
                login(settings);
                if (settings.security() != FtpSecurity.NONE) {
                    expectCompletion("PBSZ", "0");
                    expectCompletion("PROT", "P");
                }
                expectCompletion("TYPE", settings.binary() ? "I" : "A");
                binary = settings.binary();
                return null;
            });
            if (settings.passive()) {
                wire.enterLocalPassiveMode();
            } else {
                wire.enterLocalActiveMode();
            }
        } catch (IOException e) {
            FtpFailure failure = failure(e, FtpErrors.Channel.CONTROL);
            end();
            throw failure;
        } catch (RuntimeException e) {
            end();
            throw e;
        }
    }

    /**
     * Ends the session at once from any thread: every socket is closed, an operation blocked on the server fails
     * with 606 (the control connection closed), and {@link #close()} has nothing left to do.
     */
    public void abort() {
        aborted = true;
        closed = true;
        wire.forceClose();
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

    /** Sends a command that must end in a 2xx reply, without a deadline of its own; returns that reply's text. */
    private String expectCompletion(String command, String argument) throws IOException {
        int reply = wire.sendCommand(command, argument);
        if (!FTPReply.isPositiveCompletion(reply)) {
            throw FtpErrors.fromReply(reply, wire.getReplyString());
        }
        return wire.getReplyString().strip();
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
            withinDeadline(settings.responseTimeout(), () -> {
                int reply = wire.sendCommand("RNFR", from);
                if (!FTPReply.isPositiveIntermediate(reply)) {
                    throw FtpErrors.fromReply(reply, wire.getReplyString());
                }
                return expectCompletion("RNTO", to);
            });
        } catch (IOException e) {
            throw failure(e, FtpErrors.Channel.CONTROL);
        }
    }

    /**
     * RETR, after {@code REST restartOffset} when it is positive: starts a download.
     *
     * @throws FtpFailure when the server refuses (e.g. 627/550 no such file) or no data connection comes
     */
    public DownloadConnection retrieve(String remote, long restartOffset) throws FtpFailure {
        Socket socket = openData("RETR", remote, restartOffset);
        try {
            return new DownloadConnection(this, socket, timeoutMillis, clock);
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
            return new DownloadConnection(this, socket, timeoutMillis, clock);
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
     * QUIT, then closes every socket. Aborts an unfinished transfer first. Waits for each reply within the response
     * timeout, as the manual bounds {@code +QFTPCLOSE} by {@code <timeout>} (a caller that wants out sooner aborts the
     * session); the sockets are released whatever happens.
     *
     * @throws FtpFailure when QUIT got no reply or an unexpected one (the session is closed anyway)
     */
    @Override
    public void close() throws FtpFailure {
        if (closed) {
            return;
        }
        try {
            withinDeadline(settings.responseTimeout(), () -> {
                if (activeData != null) {
                    closeQuietly(activeData);
                    activeData = null;
                    wire.getReply();
                }
                return expectCompletion("QUIT", null);
            });
        } catch (IOException e) {
            throw timedOut ? new FtpFailure(FtpErrors.TIMEOUT, 0, "no reply to QUIT", e)
                    : FtpErrors.fromIOException(e, FtpErrors.Channel.CONTROL);
        } finally {
            end();
        }
    }

    void finishTransfer(Socket data) throws FtpFailure {
        wire.closeData(data, Duration.ofMillis(timeoutMillis));
        activeData = null;
        if (closed) {
            throw new FtpFailure(aborted ? FtpErrors.CONTROL_LOST : FtpErrors.TIMEOUT, 0, "session ended", null);
        }
        try {
            int reply = withinDeadline(settings.responseTimeout(), wire::getReply);
            if (!FTPReply.isPositiveCompletion(reply)) {
                throw FtpErrors.fromReply(reply, wire.getReplyString());
            }
        } catch (IOException e) {
            throw failure(e, FtpErrors.Channel.CONTROL);
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
            Socket socket = withinDeadline(settings.responseTimeout(), () -> wire.openData(command, argument));
            if (socket == null) {
                throw FtpErrors.fromReply(wire.getReplyCode(), wire.getReplyString());
            }
            activeData = socket;
            return socket;
        } catch (FTPConnectionClosedException e) {
            throw failure(e, FtpErrors.Channel.CONTROL);
        } catch (IOException e) {
            throw failure(e, FtpErrors.Channel.DATA);
        } finally {
            wire.setRestartOffset(0);
        }
    }

    /** The plain socket under a TLS data socket of this session; a plain one is its own. */
    Socket transportOf(Socket data) {
        return wire.transportOf(data);
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
            return withinDeadline(settings.responseTimeout(), () -> expectCompletion(command, argument));
        } catch (IOException e) {
            throw failure(e, FtpErrors.Channel.CONTROL);
        }
    }

    /**
     * Runs {@code call} with a deadline {@code limit} away: when it passes first, every socket is closed, so the
     * call fails wherever it blocks, and {@link #failure} reports 609.
     */
    private <T> T withinDeadline(Duration limit, WireCall<T> call) throws IOException {
        boolean[] over = new boolean[1];
        Clock.Timer disarm = clock.schedule(() -> {
            synchronized (deadlineLock) {
                if (!over[0]) {
                    timedOut = true;
                    wire.forceClose();
                }
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            T result = call.call();
            if (aborted || timedOut) {
                // A close wakes a blocked read, which may still find a reply that arrived meanwhile: it is too late.
                throw new SocketException("session ended during the operation");
            }
            return result;
        } finally {
            synchronized (deadlineLock) {
                over[0] = true;
            }
            disarm.cancel();
        }
    }

    /**
     * The failure for an I/O error of an operation. When the control connection cannot be used any more (closed,
     * reset, 421, a timeout that leaves a reply in flight, an oversized reply, the host's abort) the session is
     * over: it closes itself, so {@link #isOpen()} tells the AT layer to report the service closed.
     */
    private FtpFailure failure(IOException e, FtpErrors.Channel channel) {
        FtpFailure failure;
        if (aborted) {
            failure = new FtpFailure(FtpErrors.CONTROL_LOST, 0, "session ended by the host", e);
        } else if (timedOut) {
            failure = new FtpFailure(FtpErrors.TIMEOUT, 0, "rsptimeout ran out", e);
        } else if (e instanceof BoundedReplyReader.ReplyTooLongException) {
            failure = new FtpFailure(FtpErrors.UNKNOWN, 0, e.getMessage(), e);
        } else {
            failure = FtpErrors.fromIOException(e, channel);
        }
        boolean controlUnusable = aborted || timedOut || e instanceof BoundedReplyReader.ReplyTooLongException
                || e instanceof FTPConnectionClosedException
                || channel == FtpErrors.Channel.CONTROL && (failure.err() == FtpErrors.CONTROL_LOST
                        || failure.err() == FtpErrors.RESET_BY_PEER || failure.err() == FtpErrors.TIMEOUT);
        if (controlUnusable) {
            end();
        }
        return failure;
    }

    private void end() {
        closed = true;
        disconnectQuietly(wire);
    }

    /** A closed session (lost, timed out, aborted by the host) fails an operation as 606: its connection is gone. */
    private void requireIdle() throws FtpFailure {
        if (closed) {
            throw new FtpFailure(FtpErrors.CONTROL_LOST, 0, "session closed", null);
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
        wire.forceClose();
        try {
            wire.disconnect();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
