package dev.qmodem.cli;

import dev.qmodem.control.ControlServer;
import dev.qmodem.control.Scenario;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.time.Clock;
import dev.qmodem.transport.HostSessionHandler;
import dev.qmodem.transport.PtyTransport;
import dev.qmodem.transport.SerialTransport;
import dev.qmodem.transport.StdioTransport;
import dev.qmodem.transport.TcpTransport;
import dev.qmodem.transport.TraceWriter;
import dev.qmodem.transport.TracingHostLink;
import dev.qmodem.transport.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** {@code qmodem serve}: starts one module on the chosen transports and runs until SIGINT or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start a module and serve hosts until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by a signal", "1:could not start (a port in use, an unreadable folder)",
                "2:bad flags (an unknown model, two line transports)"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "BG95", description = "UC20, BG95 or BG77 (default: ${DEFAULT-VALUE}).",
            converter = ModelConverter.class)
    private Model model;

    @Option(names = "--listen", defaultValue = "127.0.0.1:3333", paramLabel = "HOST:PORT",
            description = "AT port over TCP (default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--ufs", paramLabel = "DIR", description = "The module's flash (default: a folder under the user's data directory).")
    private Path ufs;

    @Option(names = "--pty", paramLabel = "PATH", description = "Serve on a pseudo-terminal instead of TCP; PATH becomes a symlink to it.")
    private Path pty;

    @Option(names = "--serial", paramLabel = "DEV", description = "Serve on a physical serial port instead of TCP.")
    private String serial;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "N", description = "Baud rate of --serial (default: ${DEFAULT-VALUE}).")
    private int baud;

    @Option(names = "--stdio", description = "Serve on stdin/stdout instead of TCP (logs stay on stderr).")
    private boolean stdio;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write every byte both ways, timestamped, to FILE.")
    private Path trace;

    @CommandLine.Mixin
    private ModuleOptions options;

    @CommandLine.Mixin
    private ControlOptions controlOptions;

    @CommandLine.Mixin
    private ScenarioOption scenarioOption;

    @Option(names = "--timing", defaultValue = "instant", paramLabel = "instant|realistic",
            description = "instant: a perfect network (default); realistic: the link the model typically meets "
                    + "(UC20 on UMTS, BG95/BG77 on Cat-M1) and its command latencies, set as link and delay faults "
                    + "the control API lists and can remove.")
    private String timing;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!timing.equals("instant") && !timing.equals("realistic")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timing is instant or realistic, not " + timing);
        }
        Scenario script = scenarioOption.load(spec.commandLine());
        Function<Clock, Transport> transports = transport();
        StartingAside<ControlServer> controlStarting = controlOptions.startAside(spec.commandLine());
        Path ufsDirectory = ufs != null ? ufs : DataDirectory.resolve().resolve(model.name()).resolve("ufs");
        List<String> endpoints = new ArrayList<>();
        EmbeddedFtpServer ftpServer;
        EmulatedModule modem;
        try {
            ftpServer = options.startFtpServer(endpoints, 0);
            modem = EmulatedModule.create(
                    new ModuleConfig(model, ufsDirectory, options.profileOverrides(), options.hostAliases));
        } catch (RuntimeException e) {
            controlStarting.close();
            throw e;
        }
        Transport transport = transports.apply(modem.clock());
        ControlServer controlServer = controlStarting.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (controlServer != null) {
                controlServer.close();
            }
            closeQuietly(transport);
            modem.close();
            if (ftpServer != null) {
                ftpServer.close();
            }
            stopped.countDown();
        }, "qmodem-shutdown"));

        HostSessionHandler handler = trace != null ? TracingHostLink.tracing(modem, TraceWriter.open(trace)) : modem;
        if (stdio) {
            HostSessionHandler served = handler;
            handler = link -> {
                served.serve(link);
                System.exit(0);
            };
        }
        transport.start(handler);
        endpoints.add(transport.endpoint());
        if (controlServer != null) {
            controlServer.register(modem, transport.endpoint());
            endpoints.add(controlOptions.endpoint(spec.commandLine(), controlServer));
        }
        if (timing.equals("realistic")) {
            modem.realisticTiming().forEach(modem.faults()::add);
        }
        if (script != null) {
            script.start(modem);
        }
        // With --stdio, stdout is the serial line: the ready line goes to stderr.
        (stdio ? System.err : System.out).println("qmodem " + model + " ready: " + String.join(" ", endpoints)
                + " ufs:" + ufsDirectory);
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The one byte pipe this module serves, made once the module (whose clock it is given) exists; the flags are
     * checked at once. A module has one AT port here, so --pty, --serial and --stdio each replace the TCP port
     * rather than sharing the module with it.
     */
    private Function<Clock, Transport> transport() {
        int chosen = (pty != null ? 1 : 0) + (serial != null ? 1 : 0) + (stdio ? 1 : 0);
        if (chosen > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --pty, --serial and --stdio");
        }
        if (pty != null) {
            return clock -> new PtyTransport(pty);
        }
        if (serial != null) {
            return clock -> new SerialTransport(serial, baud, false);
        }
        if (stdio) {
            return clock -> new StdioTransport();
        }
        InetSocketAddress address = ListenAddress.parse(spec.commandLine(), "--listen", listen);
        return clock -> new TcpTransport(address, clock);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
