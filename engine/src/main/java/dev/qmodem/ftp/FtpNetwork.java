package dev.qmodem.ftp;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How an FTP session reaches the network: name resolution, the sockets of its control and data connections, and
 * the listeners its active-mode data connections arrive on.
 * The module's faults replace it (a failing resolver, shaped sockets); {@link #DIRECT} is the machine's network.
 */
public interface FtpNetwork {

    FtpNetwork DIRECT = new FtpNetwork() {
    };

    /** Resolves {@code host}, failing as a resolver would. */
    default InetAddress resolve(String host) throws UnknownHostException {
        return InetAddress.getByName(host);
    }

    /**
     * Makes the sockets of the next connections of this kind (unconnected, as Commons Net asks for them);
     * {@code session} is the factory the session would use by itself.
     */
    default SocketFactory sockets(FtpErrors.Channel channel, SocketFactory session) {
        return session;
    }

    /**
     * Makes the listeners of the next active-mode data connections (the server connects to the module);
     * {@code session} is the factory the session would use by itself.
     */
    default ServerSocketFactory listeners(ServerSocketFactory session) {
        return session;
    }
}
