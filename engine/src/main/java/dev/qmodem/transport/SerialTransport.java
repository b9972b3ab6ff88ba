package dev.qmodem.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module on a real serial port (jSerialComm), 8N1, without flow control or with RTS/CTS.
 *
 * <p>Like {@link PtyTransport} the port is one long {@link HostLink}: a new link is handed out only if
 * the handler returns while the transport is open and the port still works. The host's DTR drop is
 * reported through {@link HostLink#onDtrDrop} by watching our DSR input, where a null-modem cable
 * delivers the host's DTR. Without flow control a write never waits for long; with RTS/CTS a host that
 * holds CTS low can hold a write until it lets go.
 */
public final class SerialTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
    private static final int TIMEOUT_MILLIS = 100;

    private final String device;
    private final int baud;
    private final boolean rtsCts;
    private final Object lock = new Object();
    private SerialPort port;
    private LineSessions<SerialHostLink> sessions;
    private boolean closed;

    /**
     * @param device the port, such as {@code /dev/ttyUSB0}
     * @param baud   the line speed in bits per second
     * @param rtsCts whether to use RTS/CTS hardware flow control
     */
    public SerialTransport(String device, int baud, boolean rtsCts) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        this.device = device;
        this.baud = baud;
        this.rtsCts = rtsCts;
    }

    /**
     * Opens the port and starts serving it.
     *
     * @throws IOException when the port cannot be opened: {@link NoSuchFileException} for a missing
     *                     device, {@link AccessDeniedException} without read and write permission
     */
    @Override
    public void start(HostSessionHandler handler) throws IOException {
        synchronized (lock) {
            if (port != null || closed) {
                throw new IllegalStateException("serial transport on " + device + " was already started");
            }
            port = open();
            SerialPort opened = port;
            sessions = new LineSessions<>(() -> new SerialHostLink(opened, "serial " + device + "@" + baud), device, log);
            sessions.start(handler, "serial-host " + device);
        }
        log.info("serial port {} open at {} baud, 8N1, {}", device, baud, rtsCts ? "RTS/CTS" : "no flow control");
    }

    private SerialPort open() throws IOException {
        Path path = Path.of(device);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(device, null, "no such serial device");
        }
        if (!Files.isReadable(path) || !Files.isWritable(path)) {
            throw new AccessDeniedException(device, null, "no permission to read and write the serial device");
        }
        SerialPort opened;
        try {
            opened = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("not a serial port: " + device, e);
        }
        opened.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        opened.setFlowControl(rtsCts
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        opened.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        if (!opened.openPort()) {
            throw new IOException("cannot open serial port " + device + " (jSerialComm error "
                    + opened.getLastErrorCode() + " at line " + opened.getLastErrorLocation() + ")");
        }
        return opened;
    }

    @Override
    public String endpoint() {
        return "serial:" + device + "@" + baud;
    }

    @Override
    public void close() {
        LineSessions<SerialHostLink> started;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            started = sessions;
        }
        if (started != null) {
            started.close();
        }
        if (port != null) {
            port.closePort();
        }
    }
}
