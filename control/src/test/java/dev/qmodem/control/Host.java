package dev.qmodem.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A host on a module's AT port that types lines and waits for text; everything it read stays readable. */
final class Host implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int consumed;

    Host(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code line} with CR and waits for its final {@code OK}. */
    String ok(String line) throws IOException {
        send(line + "\r");
        return await("OK\r\n", Duration.ofSeconds(10));
    }

    /**
     * Reads until {@code text} has arrived after what earlier awaits consumed, and returns everything up to and
     * including it.
     */
    String await(String text, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[8192];
        while (true) {
            String all = received.toString(StandardCharsets.ISO_8859_1);
            int at = all.indexOf(text, consumed);
            if (at >= 0) {
                String upTo = all.substring(consumed, at + text.length());
                consumed = at + text.length();
                return upTo;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no " + text.strip() + " in " + all.substring(consumed));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("module hung up; got " + all.substring(consumed));
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // the loop checks the deadline
            }
        }
    }

    /** Bytes that arrive within {@code wait} after what was consumed. */
    String quiet(Duration wait) throws IOException {
        try {
            return await("\u0000never\u0000", wait);
        } catch (SocketTimeoutException e) {
            String all = received.toString(StandardCharsets.ISO_8859_1);
            String rest = all.substring(consumed);
            consumed = all.length();
            return rest;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
