package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.io.CRLFLineReader;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Commons Net's control-connection codec, bent to the session's needs: AUTH TLS only when asked for, a failed
 * AUTH reported with its reply code, TLS on the control connection and on data sockets layered by
 * {@link TlsSockets} (FTPSClient's own negotiation has no handshake deadline or SNI choice, and its PROT P
 * factories create data sockets that can never resume the control session).
 * <p>
 * Hardened against its peer: every reply passes through a {@link BoundedReplyReader}; no command argument with a
 * control character is sent; an active-mode data connection is taken only from the control connection's peer;
 * and every socket it opens (control, data, active listener) can be closed at once from any thread
 * ({@link #forceClose()}), which is how deadlines and the host end a session whatever the server does.
 */
final class FtpWire extends FTPSClient {

    private final FtpSecurity security;
    private final TlsParameters controlTls;
    private final TlsParameters dataTls;
    private final Clock clock;
    private Socket plainControl;
    private volatile Socket upload;
    /** The last TLS data socket {@link #openData} returned, and the plain socket it is layered on. */
    private volatile Socket tlsData;
    private volatile Socket tlsDataTransport;
    private final List<Closeable> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean forceClosed;

    /** @param clock times the TLS handshakes and an upload's closing */
    FtpWire(FtpSettings settings, Clock clock) {
        super(settings.security() == FtpSecurity.IMPLICIT_TLS,
                settings.security() == FtpSecurity.NONE ? null : settings.controlTls().context());
        this.security = settings.security();
        this.controlTls = settings.controlTls();
        this.dataTls = settings.security() == FtpSecurity.NONE ? null : settings.effectiveDataTls();
        this.clock = clock;
        setStrictReplyParsing(true);
        setSocketFactory(SocketFactory.getDefault());
        setServerSocketFactory(ServerSocketFactory.getDefault());
    }

    /** Whatever makes the sockets (channels, the module's faults), each is remembered for {@link #forceClose()}. */
    @Override
    public void setSocketFactory(SocketFactory factory) {
        super.setSocketFactory(new TrackedSocketFactory(factory == null ? SocketFactory.getDefault() : factory));
    }

    /** As {@link #setSocketFactory}, for active-mode listeners. */
    @Override
    public void setServerSocketFactory(ServerSocketFactory factory) {
        super.setServerSocketFactory(
                new TrackedServerSocketFactory(factory == null ? ServerSocketFactory.getDefault() : factory));
    }

    /** Closes every socket this wire opened, from any thread: blocked reads, connects and accepts fail at once. */
    void forceClose() {
        forceClosed = true;
        for (Closeable socket : sockets) {
            try {
                if (socket instanceof Socket open && !open.isClosed()) {
                    // RST rather than FIN: the server gets nothing it could answer before the close is seen.
                    open.setSoLinger(true, 0);
                }
                socket.close();
            } catch (IOException ignored) {
                // Closing is best effort: the socket is unusable either way.
            }
        }
        sockets.clear();
    }

    /** Refuses an argument that would end the command line early or smuggle bytes a server may act on. */
    @Override
    public int sendCommand(String command, String args) throws IOException {
        if (args != null && ControlCharacters.find(args) >= 0) {
            throw new FtpFailure(FtpErrors.INVALID_PARAMETER, 0, command + " argument holds a control character", null);
        }
        return super.sendCommand(command, args);
    }

    @Override
    protected void _connectAction_(Reader socketIsReader) throws IOException {
        // The socket's stream exists only once SocketClient's part of the connect action ran, inside super.
        super._connectAction_(new BoundedReplyReader(new LazyReader(
                () -> new InputStreamReader(_input_, Charset.forName(getControlEncoding())))));
    }

    @Override
    protected void execAUTH() throws IOException {
        if (security != FtpSecurity.EXPLICIT_TLS) {
            return;
        }
        int reply = sendCommand("AUTH", "TLS");
        if (reply != FTPReply.SECURITY_DATA_EXCHANGE_COMPLETE) {
            throw FtpErrors.fromReply(reply, getReplyString());
        }
    }

    @Override
    protected void sslNegotiation() throws IOException {
        if (security == FtpSecurity.NONE) {
            return;
        }
        plainControl = _socket_;
        SSLSocket tls = TlsSockets.control(controlTls, plainControl, _hostname_, clock);
        _socket_ = tls;
        _controlInput_ = new CRLFLineReader(new BoundedReplyReader(
                new InputStreamReader(tls.getInputStream(), getControlEncoding())));
        _controlOutput_ = new BufferedWriter(new OutputStreamWriter(tls.getOutputStream(), getControlEncoding()));
    }

    @Override
    public void disconnect() throws IOException {
        try {
            super.disconnect();
        } finally {
            if (plainControl != null) {
                FtpSession.closeQuietly(plainControl);
                plainControl = null;
            }
        }
    }

    /**
     * Sends {@code command} (after REST when a restart offset is set) and returns the connected data socket,
     * TLS-protected when the session is FTPS, or null when a reply refused it ({@link #getReplyCode()} says which).
     */
    Socket openData(String command, String argument) throws IOException {
        Socket plain = _openDataConnection_(command, argument);
        if (plain != null && getDataConnectionMode() == ACTIVE_LOCAL_DATA_CONNECTION_MODE
                && !plain.getInetAddress().equals(getRemoteAddress())) {
            InetAddress source = plain.getInetAddress();
            plain.close();
            getReply();
            throw new FtpFailure(FtpErrors.DATA_CONNECT_FAILED, 0,
                    "active data connection from " + source.getHostAddress() + " refused: not the server", null);
        }
        Socket data = plain == null || dataTls == null ? plain
                : TlsSockets.data(dataTls, plain, _hostname_, (SSLSocket) _socket_, clock);
        upload = command.equals("STOR") ? data : null;
        tlsData = data != plain ? data : null;
        tlsDataTransport = data != plain ? plain : null;
        return data;
    }

    /** The plain socket under a TLS data socket {@link #openData} returned last; else {@code data} itself. */
    Socket transportOf(Socket data) {
        Socket transport = tlsDataTransport;
        return data == tlsData && transport != null ? transport : data;
    }

    /** Closes a data socket {@link #openData} returned; an upload's so that the TLS session stays resumable. */
    void closeData(Socket data, Duration limit) {
        if (data == upload) {
            upload = null;
            TlsSockets.closeUpload(data, limit, clock);
        } else {
            FtpSession.closeQuietly(data);
        }
    }

    /** A reader made on first use, for a stream that exists only after construction. */
    private static final class LazyReader extends Reader {
        private final Supplier<Reader> opener;
        private Reader reader;

        LazyReader(Supplier<Reader> opener) {
            this.opener = opener;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (reader == null) {
                reader = opener.get();
            }
            return reader.read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** Remembers a new socket for {@link #forceClose()} (closing it at once if that already happened). */
    private <S extends Closeable> S track(S socket) throws IOException {
        sockets.removeIf(s -> s instanceof Socket open ? open.isClosed() : ((ServerSocket) s).isClosed());
        sockets.add(socket);
        if (forceClosed) {
            socket.close();
        }
        return socket;
    }

    /** Plain sockets for control and passive data connections, each remembered for {@link #forceClose()}. */
    private final class TrackedSocketFactory extends SocketFactory {
        private final SocketFactory sockets;

        TrackedSocketFactory(SocketFactory sockets) {
            this.sockets = sockets;
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(sockets.createSocket(host, port, localAddress, localPort));
        }
    }

    /** Active-mode listeners, each remembered for {@link #forceClose()}. */
    private final class TrackedServerSocketFactory extends ServerSocketFactory {
        private final ServerSocketFactory listeners;

        TrackedServerSocketFactory(ServerSocketFactory listeners) {
            this.listeners = listeners;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return track(listeners.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return track(listeners.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return track(listeners.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return track(listeners.createServerSocket(port, backlog, address));
        }
    }
}
