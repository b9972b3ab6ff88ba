package dev.qmodem.os;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The socket buffers of the connections a transfer's bytes cross (an FTP data connection, a host's TCP link). On
 * loopback a relay's speed is set by how many bytes each wake-up moves: with 4 MiB buffers (the kernel doubles them)
 * a download through {@code COM:} went 0.90-0.95x curl, with 1 MiB 0.71-0.85x, alternating in one hour. What is
 * asked for is capped at the system's maximum ({@code net.core.rmem_max}, {@code wmem_max}, 208 KiB on a stock
 * Linux), and asking turns the kernel's autotuning off; with the maximum that low, autotuning did better (0.77-0.83x
 * against 0.61-0.73x), so where the maximum is below {@link #WANTED} the buffer is left to the kernel.
 */
public final class SocketBuffers {

    /** The size asked for where the system allows it. */
    public static final int WANTED = 4 * 1024 * 1024;

    private static final int RECEIVE = sizeUnder(Path.of("/proc/sys/net/core/rmem_max"));
    private static final int SEND = sizeUnder(Path.of("/proc/sys/net/core/wmem_max"));

    private SocketBuffers() {
    }

    /** The receive buffer to ask for, or 0 to leave it to the kernel. */
    public static int receive() {
        return RECEIVE;
    }

    /** The send buffer to ask for, or 0 to leave it to the kernel. */
    public static int send() {
        return SEND;
    }

    /**
     * Sets both of a socket's buffers where the system allows {@link #WANTED}, else leaves them to the kernel; for a
     * socket that connects, before it does (the window a connection starts with follows the receive buffer).
     */
    public static void apply(Socket socket) throws SocketException {
        if (RECEIVE > 0) {
            socket.setReceiveBufferSize(RECEIVE);
        }
        if (SEND > 0) {
            socket.setSendBufferSize(SEND);
        }
    }

    /** {@link #WANTED} when the system's maximum allows it (or cannot be read: not Linux), else 0. */
    static int sizeUnder(Path maximum) {
        // read as a line: Files.readString gives "4" for a sysctl of 4194304 (a /proc file's size is 0)
        try (BufferedReader reader = Files.newBufferedReader(maximum)) {
            return Long.parseLong(String.valueOf(reader.readLine()).trim()) >= WANTED ? WANTED : 0;
        } catch (IOException | NumberFormatException | SecurityException unknown) {
            return WANTED;
        }
    }
}
