package dev.qmodem.cli;

import dev.qmodem.control.ControlServer;
import picocli.CommandLine;
import picocli.CommandLine.Option;


/** The control API flags that {@code serve}, {@code fleet} and {@code load} share. */
final class ControlOptions {

    @Option(names = "--control", defaultValue = "127.0.0.1:8333", paramLabel = "HOST:PORT",
            description = "The control API (faults, events, trace, /metrics) over HTTP (default: ${DEFAULT-VALUE}).")
    String control;

    @Option(names = "--no-control", description = "Do not start the control API.")
    boolean noControl;

    @Option(names = "--control-remote",
            description = "Allow --control on an address that is not loopback (the API has no authentication).")
    boolean controlRemote;

    /** The started control server, or null with {@code --no-control}. */
    ControlServer start(CommandLine command) {
        if (noControl) {
            return null;
        }
        try {
            return ControlServer.start(ListenAddress.parse(command, "--control", control), controlRemote);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, e.getMessage() + " (add --control-remote)");
        }
    }

    /**
     * {@link #start} on a thread of its own: the HTTP server's stack (Jetty, Jackson, Micrometer) takes longer to
     * load than the module, so {@code serve} builds the module meanwhile and awaits both before its ready line.
     */
    StartingAside<ControlServer> startAside(CommandLine command) {
        return StartingAside.start("qmodem-control-start", () -> start(command));
    }

    /** How the ready line names the started server. */
    String endpoint(CommandLine command, ControlServer server) {
        return "control:http://" + ListenAddress.parse(command, "--control", control).getHostString() + ":" + server.port();
    }
}
