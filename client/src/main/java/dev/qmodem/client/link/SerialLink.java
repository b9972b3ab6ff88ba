package dev.qmodem.client.link;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link ByteLink} over a physical or virtual serial port through jSerialComm (an optional dependency: add
 * {@code com.fazecast:jSerialComm} to use this class). 8 data bits, no parity, 1 stop bit, RTS/CTS flow control
 * as asked.
 */
public final class SerialLink implements ByteLink {

    private final SerialPort port;
    private final InputStream input;
    private final OutputStream output;

    private SerialLink(SerialPort port) {
        this.port = port;
        this.input = port.getInputStream();
        this.output = port.getOutputStream();
    }

    /**
     * Opens {@code device} (e.g. {@code /dev/ttyUSB2}, {@code COM5}, or qmodem's {@code --pty} symlink).
     *
     * @param hardwareFlowControl true for RTS/CTS, which real modules want at high baud rates
     * @throws IOException if the port cannot be opened
     */
    public static SerialLink open(String device, int baudRate, boolean hardwareFlowControl) throws IOException {
        SerialPort port = SerialPort.getCommPort(device);
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(hardwareFlowControl
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + device + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialLink(port);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
