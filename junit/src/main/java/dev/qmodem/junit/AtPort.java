package dev.qmodem.junit;

/**
 * The module's AT port over TCP, for host code that opens the link itself (a socket, or pyserial's
 * {@code socket://host:port}) instead of taking the injected client. The port serves one host at a time, like a
 * serial line: a test that connects its own host code should not also ask for the client.
 *
 * @param host {@code 127.0.0.1}
 * @param port an ephemeral port chosen for the test
 */
public record AtPort(String host, int port) {
}
