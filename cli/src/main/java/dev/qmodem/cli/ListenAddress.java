package dev.qmodem.cli;

import picocli.CommandLine;

import java.net.InetSocketAddress;

/** A {@code HOST:PORT} flag value. */
final class ListenAddress {

    private ListenAddress() {
    }

    static InetSocketAddress parse(CommandLine command, String flag, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            if (colon > 0) {
                return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            }
        } catch (IllegalArgumentException e) {
            // a port that is not a number or out of range: the message below
        }
        throw new CommandLine.ParameterException(command, flag + " expects HOST:PORT, got " + hostPort);
    }
}
