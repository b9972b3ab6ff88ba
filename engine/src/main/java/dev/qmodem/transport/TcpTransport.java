package dev.qmodem.transport;

import dev.qmodem.os.SocketBuffers;
import dev.qmodem.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The AT port over TCP, like a serial line: one host at a time. A connection that arrives while one is served waits
 * up to {@link #RECONNECT_GRACE} on the module's clock for it to end (a host that closes and reconnects at once is served, though the
 * module may not have seen the old connection close yet); if it does not end, the newcomer is refused (closed,
 * with a log line), and so is any further connection while one waits. Works with {@code socat - TCP:host:port} and
 * pyserial's {@code socket://host:port}. Each host's link has its socket's channel.
 */
public final class TcpTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(TcpTransport.class);
    /** How long a new connection waits for the served one to end before it is refused. */
    static final Duration RECONNECT_GRACE = Duration.ofSeconds(2);

    private final InetSocketAddress address;
    private final Object hosts = new Object();
    /** The connection being served, or null; guarded by {@link #hosts}. */
    private Socket current;
    /** Whether a connection is waiting for the current one to end; guarded by {@link #hosts}. */
    private boolean waiting;
    private final Thread.Builder hostThreads;
    private final Clock clock;
    private ServerSocket server;
    private Thread acceptor;

    /**
     * One module's AT port: the host is served on a platform thread, which answers a line sooner than a virtual one.
     *
     * @param clock the module's clock, which times the reconnect grace
     */
    public TcpTransport(InetSocketAddress address, Clock clock) {
        this(address, Thread.ofPlatform().daemon(), clock);
    }

    /**
     * An AT port whose host is served on threads from {@code hostThreads}: a fleet passes virtual threads, so that
     * thousands of ports cost no platform thread each (at about half the AT round trips per second of one host).
     */
    public TcpTransport(InetSocketAddress address, Thread.Builder hostThreads, Clock clock) {
        this.address = address;
        this.hostThreads = hostThreads;
        this.clock = clock;
    }

    @Override
    public void start(HostSessionHandler handler) throws IOException {
        // Channel-backed, so each accepted socket has a channel that data mode reads and writes direct buffers on.
        server = ServerSocketChannel.open().socket();
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
            Socket accepted = socket;
            if (attach(socket)) {
                hostThreads.name("qmodem-host").start(() -> serve(handler, accepted));
            } else if (claimWaiting()) {
                hostThreads.name("qmodem-host").start(() -> {
                    if (awaitAttach(accepted)) {
                        serve(handler, accepted);
                    } else {
                        refuse(accepted);
                    }
                });
            } else {
                refuse(socket);
            }
        }
    }

    private boolean attach(Socket socket) {
        synchronized (hosts) {
            if (current != null) {
                return false;
            }
            current = socket;
            return true;
        }
    }

    private boolean claimWaiting() {
        synchronized (hosts) {
            if (waiting) {
                return false;
            }
            waiting = true;
            return true;
        }
    }

    /** Waits, as the one waiting connection, for the current host to leave; then serves {@code socket}. */
    private boolean awaitAttach(Socket socket) {
        boolean[] graceOver = new boolean[1];
        Clock.Timer grace = clock.schedule(() -> {
            synchronized (hosts) {
                graceOver[0] = true;
                hosts.notifyAll();
            }
        }, RECONNECT_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        try {
            synchronized (hosts) {
                try {
                    while (current != null && !graceOver[0] && !server.isClosed()) {
                        hosts.wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                waiting = false;
                if (current != null || server.isClosed()) {
                    return false;
                }
                current = socket;
                return true;
            }
        } finally {
            grace.cancel();
        }
    }

    private void detach(Socket socket) {
        synchronized (hosts) {
            if (current == socket) {
                current = null;
                hosts.notifyAll();
            }
        }
    }

    private static void refuse(Socket socket) {
        log.info("refused {}: a host is already connected", socket.getRemoteSocketAddress());
        closeQuietly(socket);
    }

    private void serve(HostSessionHandler handler, Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            SocketBuffers.apply(socket);
            handler.serve(new SocketLink(socket));
        } catch (SocketException e) {
            log.debug("socket setup failed: {}", e.toString());
        } finally {
            closeQuietly(socket);
            detach(socket);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        Socket socket;
        synchronized (hosts) {
            socket = current;
            hosts.notifyAll();
        }
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
            hangUp(socket);
        } catch (IOException ignored) {
            // already gone
        }
    }

    /**
     * Sends FIN before closing, as a socket without a channel does: a host whose last bytes were not read (a
     * refused newcomer's) then reads the end of the stream before the reset that the close sends.
     */
    private static void hangUp(Socket socket) throws IOException {
        try {
            if (!socket.isClosed()) {
                socket.shutdownOutput();
            }
        } catch (IOException notConnected) {
            // closed below anyway
        }
        socket.close();
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
        public ByteChannel channel() {
            return socket.getChannel();
        }

        @Override
        public String describe() {
            return "tcp " + socket.getRemoteSocketAddress();
        }

        @Override
        public void close() throws IOException {
            hangUp(socket);
        }
    }
}
