package dev.qmodem.ftp;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Sockets that have a {@link SocketChannel} under them, for Commons Net to open the session's connections with: a
 * plain data connection is then moved through its channel ({@link DataChannel}), with waits bounded by a selector
 * instead of a timer per write and no copy through the heap for a direct buffer. They behave as ordinary sockets
 * for everything else (the control connection's streams, TLS layered on a data connection).
 */
final class ChannelSockets {

    static final SocketFactory CLIENT = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            return SocketChannel.open().socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        private Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
            Socket socket = createSocket();
            try {
                if (local.length > 0) {
                    socket.bind(local[0]);
                }
                socket.connect(remote);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    };

    static final ServerSocketFactory SERVER = new ServerSocketFactory() {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return ServerSocketChannel.open().socket();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return bound(new InetSocketAddress(port), 50);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return bound(new InetSocketAddress(port), backlog);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return bound(new InetSocketAddress(address, port), backlog);
        }

        private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
            ServerSocket server = createServerSocket();
            try {
                server.bind(address, backlog);
                return server;
            } catch (IOException e) {
                server.close();
                throw e;
            }
        }
    };

    private ChannelSockets() {
    }
}
