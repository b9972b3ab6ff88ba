package dev.qmodem.testpeers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Waits until a freshly started FTP server accepts a connection and greets with 220. */
final class Greeting {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private Greeting() {
    }

    /**
     * Polls {@code host:port} until a full 220 reply arrives.
     *
     * @param implicitTls when not null, the connection is wrapped in TLS first (implicit FTPS)
     * @return false if the process died or nothing greeted within the limit
     */
    static boolean await(PeerProcess process, String host, int port, SSLContext implicitTls)
            throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (greets(host, port, implicitTls)) {
                return true;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        return false;
    }

    private static boolean greets(String host, int port, SSLContext implicitTls) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), 1000);
            plain.setSoTimeout(2000);
            Socket socket = implicitTls == null ? plain
                    : implicitTls.getSocketFactory().createSocket(plain, host, port, false);
            try (socket) {
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                // A multi-line reply (pure-ftpd's banner) ends at the first line of "NNN " form.
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.matches("\\d{3} .*")) {
                        socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                        return line.startsWith("220 ");
                    }
                }
                return false;
            }
        } catch (IOException notYet) {
            return false;
        }
    }
}
