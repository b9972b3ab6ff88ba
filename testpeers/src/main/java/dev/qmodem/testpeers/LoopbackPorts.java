package dev.qmodem.testpeers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds runs of free TCP ports on 127.0.0.1 for servers that take their ports from a config file.
 *
 * <p>Runs are drawn below Linux's ephemeral range (32768+) so that client sockets do not grab them,
 * and from a random start so that several test JVMs on one machine rarely collide. A port can still be
 * taken between the check and the server's bind; callers retry a failed start on fresh ports.
 */
final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private LoopbackPorts() {
    }

    /** The first of {@code count} consecutive ports that are free right now. */
    static synchronized int freeRun(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no run of " + count + " free ports on 127.0.0.1");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
