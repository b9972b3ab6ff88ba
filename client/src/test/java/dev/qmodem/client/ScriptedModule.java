package dev.qmodem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The module side of a test, on a loopback socket, driven by the test's script: read a command line, answer raw
 * bytes. Used for behaviour qmodem never produces (garbage, silence, UC20/BG95 answer variants) and for the wire
 * protocol itself. The client under test runs in another thread, see {@link #async}.
 */
public final class ScriptedModule implements AutoCloseable {

    private final ServerSocket server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private ScriptedModule(ServerSocket server) {
        this.server = server;
    }

    public static ScriptedModule start() throws IOException {
        return new ScriptedModule(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    }

    /** A client modem connected to this module over TCP. */
    public Modem connectClient() throws IOException {
        Modem modem = QuectelModem.connect("127.0.0.1", server.getLocalPort());
        socket = server.accept();
        in = socket.getInputStream();
        out = socket.getOutputStream();
        return modem;
    }

    /** Reads one command line up to its CR; a stray LF before it is skipped. */
    public String readCommand() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("host closed");
            }
            if (b != '\n') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    public void expect(String command) throws IOException {
        assertThat(readCommand()).isEqualTo(command);
    }

    /** Writes {@code text} as ISO-8859-1 bytes, so any byte value can be scripted. */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    public InputStream input() {
        return in;
    }

    /** Runs {@code call} on another thread: the client side of the conversation. */
    public static <T> Future<T> async(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** The client's result, or the exception it threw. */
    public static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause()
                    : e.getCause();
            throw cause instanceof Exception ex ? ex : new RuntimeException(cause);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
