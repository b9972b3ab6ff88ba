package dev.qmodem.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The AT port over TCP, like a serial line: one host at a time. A second connection while one is served is
 * refused (closed at once, with a log line). Works with {@code socat - TCP:host:port} and pyserial's
 * {@code socket://host:port}.
 */
public final class TcpTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(TcpTransport.class);
    /** Large enough that a data-mode transfer on loopback is not limited by the window. */
    private static final int HOST_SOCKET_BUFFER = 1024 * 1024;

    private final InetSocketAddress address;
    private final AtomicReference<Socket> current = new AtomicReference<>();
    private ServerSocket server;
    private Thread acceptor;

    public TcpTransport(InetSocketAddress address) {
        this.address = address;
    }

    @Override
    public void start(HostSessionHandler handler) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address);
        // Virtual threads: an idle port costs no platform thread, so one process can hold thousands of modules.
        acceptor = Thread.ofVirtual().name("qmodem-tcp-accept").start(() -> acceptLoop(handler));
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public String endpoint() {
        return "tcp://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void acceptLoop(HostSessionHandler handler) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            if (!current.compareAndSet(null, socket)) {
                log.info("refused {}: a host is already connected", socket.getRemoteSocketAddress());
                closeQuietly(socket);
                continue;
            }
            Thread.ofVirtual().name("qmodem-host").start(() -> serve(handler, socket));
        }
    }

    private void serve(HostSessionHandler handler, Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSendBufferSize(HOST_SOCKET_BUFFER);
            socket.setReceiveBufferSize(HOST_SOCKET_BUFFER);
            handler.serve(new SocketLink(socket));
        } catch (SocketException e) {
            log.debug("socket setup failed: {}", e.toString());
        } finally {
            closeQuietly(socket);
            current.compareAndSet(socket, null);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        Socket socket = current.get();
        if (socket != null) {
            closeQuietly(socket);
        }
        if (acceptor != null) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private record SocketLink(Socket socket) implements HostLink {

        @Override
        public InputStream input() {
            try {
                return socket.getInputStream();
            } catch (IOException e) {
                return InputStream.nullInputStream();
            }
        }

        @Override
        public OutputStream output() {
            try {
                return socket.getOutputStream();
            } catch (IOException e) {
                return OutputStream.nullOutputStream();
            }
        }

        @Override
        public String describe() {
            return "tcp " + socket.getRemoteSocketAddress();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
