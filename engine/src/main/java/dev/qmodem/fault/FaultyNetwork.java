package dev.qmodem.fault;

import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpNetwork;
import dev.qmodem.time.Clock;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * The FTP session's network under the module's faults: {@link Fault.Dns} fails resolution, and each new socket is
 * a {@link ShapedSocket} while a link, cut or stall fault is set, a plain socket otherwise; so is each data
 * connection an active-mode listener accepts ({@link ShapedListener}).
 */
public final class FaultyNetwork implements FtpNetwork {

    private final Faults faults;
    private final Clock clock;

    public FaultyNetwork(Faults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public InetAddress resolve(String host) throws UnknownHostException {
        if (faults.dnsFails() && !isAddressLiteral(host)) {
            faults.injected("dns", "resolving " + host + " failed");
            throw new UnknownHostException(host + " (dns fault)");
        }
        return FtpNetwork.super.resolve(host);
    }

    /** An address is not looked up, so a DNS failure does not touch it. */
    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public SocketFactory sockets(FtpErrors.Channel channel, SocketFactory session) {
        Fault.Connection connection = channel == FtpErrors.Channel.CONTROL ? Fault.Connection.CONTROL : Fault.Connection.DATA;
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                if (faults.socketsUntouched()) {
                    return session.createSocket();
                }
                return new ShapedSocket(faults, faults.connectionFault(connection),
                        connection.text(), clock);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(createSocket(), host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return connected(createSocket(), host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(createSocket(), host.getHostAddress(), port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return connected(createSocket(), address.getHostAddress(), port);
            }
        };
    }

    private static Socket connected(Socket socket, String host, int port) throws IOException {
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public ServerSocketFactory listeners(ServerSocketFactory session) {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return faults.socketsUntouched() ? session.createServerSocket() : new ShapedListener(faults, clock);
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return createServerSocket(port, 50, null);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return createServerSocket(port, backlog, null);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return faults.socketsUntouched() ? session.createServerSocket(port, backlog, address)
                        : new ShapedListener(faults, clock, port, backlog, address);
            }
        };
    }
}
