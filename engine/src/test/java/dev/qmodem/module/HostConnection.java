package dev.qmodem.module;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** The host's end of a TCP connection to a module: send bytes, read exactly what is expected, check for silence. */
public final class HostConnection implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    /** How the host lets time pass: sleeping, or moving the module's virtual clock. */
    @FunctionalInterface
    public interface Pause {
        /** @param sent bytes this host has sent so far */
        void pause(long sent, Duration wait) throws InterruptedException;
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Pause pause;
    private byte[] partial = new byte[0];
    private long sent;

    HostConnection(String host, int port, Pause pause) throws IOException {
        this.pause = pause;
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        sent += bytes.length;
    }

    /** Lets {@code wait} pass for the module (guard times), on its clock. */
    public void pause(Duration wait) throws InterruptedException {
        pause.pause(sent, wait);
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a command line terminated by CR. */
    public void command(String line) throws IOException {
        send(line + "\r");
    }

    /** Reads exactly {@code count} bytes, failing after the wait. */
    public byte[] read(int count, Duration wait) throws IOException {
        byte[] result = new byte[count];
        int filled = 0;
        long deadline = System.nanoTime() + wait.toNanos();
        while (filled < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                partial = Arrays.copyOf(result, filled);
                throw new SocketTimeoutException("got " + filled + " of " + count + " bytes: "
                        + Escapes.show(Arrays.copyOf(result, filled)));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(result, filled, count - filled);
                if (n < 0) {
                    throw new IOException("module closed the connection after " + filled + " of " + count + " bytes: "
                            + Escapes.show(Arrays.copyOf(result, filled)));
                }
                filled += n;
            } catch (SocketTimeoutException e) {
                // loop checks the deadline
            }
        }
        return result;
    }

    /** Reads up to {@code count} bytes, returning fewer if the wait runs out, so a comparison can show them. */
    public byte[] readAvailable(int count, Duration wait) throws IOException {
        try {
            return read(count, wait);
        } catch (SocketTimeoutException e) {
            return partial;
        }
    }

    public byte[] read(int count) throws IOException {
        return read(count, DEFAULT_WAIT);
    }

    /** Reads as text exactly as many bytes as {@code expected} has, for comparison with it. */
    public String readLike(String expected) throws IOException {
        return new String(read(expected.length()), StandardCharsets.ISO_8859_1);
    }

    /** Reads until the text received so far matches {@code pattern} (use {@code $} to anchor at the end). */
    public String readUntilMatch(java.util.regex.Pattern pattern, Duration wait) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[64 * 1024];
        while (!pattern.matcher(seen.toString(StandardCharsets.ISO_8859_1)).find()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no match of " + pattern + " in " + Escapes.show(seen.toByteArray()));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(buffer, 0, 1);
                if (n < 0) {
                    throw new IOException("closed; got " + Escapes.show(seen.toByteArray()));
                }
                seen.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // loop checks the deadline
            }
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until the bytes received end with {@code suffix}. */
    public String readUntil(String suffix, Duration wait) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(suffix)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no " + Escapes.show(suffix) + " in " + Escapes.show(seen.toByteArray()));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed; got " + Escapes.show(seen.toByteArray()));
                }
                seen.write(b);
            } catch (SocketTimeoutException e) {
                // loop checks the deadline
            }
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    /** Bytes that arrive within {@code wait}; empty if the module stays silent. */
    public byte[] drain(Duration wait) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                seen.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // silence: done
        }
        return seen.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
