package dev.qmodem.client;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.link.ByteLink;
import dev.qmodem.client.link.SerialLink;
import dev.qmodem.client.link.SocketLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Where a {@link Modem} comes from: a stream pair, a TCP address (qmodem's {@code --listen} port, or a serial
 * bridge), or a serial port.
 *
 * <pre>{@code
 * try (Modem modem = QuectelModem.connect("127.0.0.1", 3333).init()) {
 *     modem.ftp().open("ftp.example.com", 21);
 * }
 * }</pre>
 */
public final class QuectelModem {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private QuectelModem() {
    }

    /** A modem over an existing stream pair (closed with the modem). */
    public static Modem over(InputStream fromModule, OutputStream toModule) {
        return over(ByteLink.of(fromModule, toModule));
    }

    /** A modem over any {@link ByteLink}. */
    public static Modem over(ByteLink link) {
        return new Modem(AtChannel.open(link));
    }

    /** A modem over TCP, e.g. {@code connect("127.0.0.1", 3333)} for {@code qmodem serve}. */
    public static Modem connect(String host, int port) throws IOException {
        return over(SocketLink.connect(host, port, CONNECT_TIMEOUT));
    }

    /**
     * A modem on a serial port, without flow control (needs jSerialComm on the class path); use
     * {@link SerialLink#open} with {@link #over(ByteLink)} for RTS/CTS.
     */
    public static Modem serial(String device, int baudRate) throws IOException {
        return over(SerialLink.open(device, baudRate, false));
    }
}
