package dev.qmodem.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A way for hosts to reach the module: a TCP port, a pseudo-terminal, a serial port, stdio.
 * Every transport hands each host connection to one {@link HostSessionHandler}, one host at a time.
 */
public interface Transport extends Closeable {

    /**
     * Starts accepting hosts in background threads and returns once the endpoint is ready.
     *
     * @param handler serves one host until it disconnects; called on a transport thread
     */
    void start(HostSessionHandler handler) throws IOException;

    /** Where hosts connect, as printed in the ready line: {@code tcp://127.0.0.1:3333}, {@code pty:/tmp/qmodem}. */
    String endpoint();

    /** Stops accepting, hangs up the current host and releases the endpoint. */
    @Override
    void close() throws IOException;
}
