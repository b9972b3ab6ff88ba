package dev.qmodem.client.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A {@link ByteLink} over TCP: qmodem's {@code --listen} port, or a serial-to-TCP bridge in front of a module. */
public final class SocketLink implements ByteLink {

    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;

    private SocketLink(Socket socket) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
    }

    /**
     * Connects to {@code host:port}.
     *
     * @param connectTimeout how long the TCP connect may take
     */
    public static SocketLink connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            // AT traffic is small lines that wait for an answer: Nagle's delay would only add latency.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            return new SocketLink(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
