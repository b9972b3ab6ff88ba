package dev.qmodem.fault;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The listener of an active-mode data connection under a socket fault: the connection the server opens towards
 * the module is accepted into a {@link ShapedSocket}, so it is shaped, cut or stalled as a passive one would be.
 */
final class ShapedListener extends ServerSocket {

    private final Faults faults;
    private final Clock clock;

    /** An unbound listener. */
    ShapedListener(Faults faults, Clock clock) throws IOException {
        this.faults = faults;
        this.clock = clock;
    }

    /** A listener bound to {@code port} on {@code address} (null: every address). */
    ShapedListener(Faults faults, Clock clock, int port, int backlog, InetAddress address) throws IOException {
        super(port, backlog, address);
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public Socket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        Socket accepted = new ShapedSocket(faults, faults.connectionFault(Fault.Connection.DATA),
                Fault.Connection.DATA.text(), clock);
        try {
            implAccept(accepted);
            return accepted;
        } catch (IOException e) {
            accepted.close();
            throw e;
        }
    }
}
