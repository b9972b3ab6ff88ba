package dev.qmodem.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A host on a module's TCP AT port, as the cli tests drive one. */
final class AtHost {

    private AtHost() {
    }

    /** Sends {@code send} (may be empty) and returns what the module wrote up to and including {@code expected}. */
    static String awaitText(Socket host, String send, String expected) throws IOException {
        host.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
        InputStream in = host.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().endsWith(expected)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + seen);
            }
            seen.append((char) b);
        }
        return seen.toString();
    }
}
