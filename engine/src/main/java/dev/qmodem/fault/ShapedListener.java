package dev.qmodem.fault;

import dev.qmodem.time.Clock;

import java.io.IOException;
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

    ShapedListener(Faults faults, Clock clock) throws IOException {
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
