package dev.qmodem.module;

import dev.qmodem.profile.Model;
import dev.qmodem.time.VirtualClock;
import dev.qmodem.transport.HostSessionHandler;
import dev.qmodem.transport.PtyTransport;
import dev.qmodem.transport.TcpTransport;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module on virtual time, and a host talking to it over TCP or a PTY. The host can wait until the module has
 * taken in everything it sent (its reader is back waiting for bytes), so moving the clock forward never races
 * with bytes still on their way.
 */
public final class VirtualHost implements AutoCloseable {

    /** The byte stream between host and module. */
    public enum Line { TCP, PTY }

    private final VirtualClock clock = new VirtualClock();
    private final EmulatedModule modem;
    private final AutoCloseable transport;
    private final AutoCloseable hostSide;
    private final InputStream in;
    private final OutputStream out;
    private final TakenBytes taken = new TakenBytes();
    private long sent;

    private VirtualHost(Line line, Model model, Path work) throws IOException {
        modem = EmulatedModule.create(ModuleConfig.of(model, Files.createDirectories(work.resolve("ufs"))), clock);
        HostSessionHandler handler = taken.counting(modem);
        if (line == Line.TCP) {
            TcpTransport tcp = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
            tcp.start(handler);
            transport = tcp;
            Socket socket = new Socket("127.0.0.1", tcp.port());
            socket.setTcpNoDelay(true);
            hostSide = socket;
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } else {
            Path path = work.resolve("tty");
            PtyTransport pty = new PtyTransport(path);
            pty.start(handler);
            transport = pty;
            FileInputStream fileIn = new FileInputStream(path.toFile());
            FileOutputStream fileOut = new FileOutputStream(path.toFile());
            hostSide = () -> {
                fileIn.close();
                fileOut.close();
            };
            in = new BufferedInputStream(fileIn);
            out = fileOut;
        }
    }

    public static VirtualHost start(Line line, Model model, Path work) throws IOException {
        return new VirtualHost(line, model, work);
    }

    public VirtualClock clock() {
        return clock;
    }

    public EmulatedModule modem() {
        return modem;
    }

    /** Bytes from the module that have arrived and not been read yet. */
    public int pending() throws IOException {
        return in.available();
    }

    public void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        out.flush();
        sent += bytes.length;
    }

    /** Reads exactly as many bytes as {@code expected} has and compares them. */
    public void expect(String expected) throws IOException {
        byte[] seen = in.readNBytes(expected.length());
        assertThat(Escapes.show(seen)).isEqualTo(Escapes.show(expected));
    }

    /** Reads up to and including {@code end}. */
    public String readThrough(String end) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (seen.length() < end.length() || !seen.substring(seen.length() - end.length()).equals(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + Escapes.show(seen.toString()));
            }
            seen.append((char) b);
        }
        return seen.toString();
    }

    /** Waits until the module has read and routed every byte sent so far. */
    public void awaitTaken() {
        taken.await(sent);
    }

    /** Once the module has taken everything sent, moves virtual time forward (running the timers due). */
    public void advance(long amount, TimeUnit unit) {
        awaitTaken();
        clock.advance(amount, unit);
    }

    @Override
    public void close() throws Exception {
        hostSide.close();
        transport.close();
        modem.close();
    }
}
