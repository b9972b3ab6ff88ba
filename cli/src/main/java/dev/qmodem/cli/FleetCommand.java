package dev.qmodem.cli;

import dev.qmodem.control.ControlServer;
import dev.qmodem.control.Scenario;
import dev.qmodem.fleet.Fleet;
import dev.qmodem.fleet.FleetConfig;
import dev.qmodem.fleet.FleetModule;
import dev.qmodem.fleet.ModelMix;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.profile.Model;
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

/** {@code qmodem fleet}: N modules in one process, each on its own AT port with its own flash, one FTP(S) server. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Start N modules in one process and serve their hosts until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by a signal", "1:could not start (a port in use, an unreadable folder)",
                "2:bad flags (an unknown model, a mix that does not add up to --count)"})
final class FleetCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many modules.")
    private int count;

    @Option(names = "--model", defaultValue = "BG95", paramLabel = "MODEL|MIX",
            description = "One model for all, or a mix adding up to --count: BG95:700,UC20:300 (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--listen", defaultValue = "127.0.0.1:3333", paramLabel = "HOST:PORT",
            description = "Module 0's AT port; module i listens on PORT+i (0: each a free port; default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--pty-dir", paramLabel = "DIR",
            description = "Serve each module on a pseudo-terminal DIR/ttyQ<id> instead of TCP.")
    private Path ptyDirectory;

    @Option(names = "--ufs-root", paramLabel = "DIR",
            description = "Module i's flash is DIR/i (default: fleet under the user's data directory).")
    private Path ufsRoot;

    @CommandLine.Mixin
    private ModuleOptions options;

    @CommandLine.Mixin
    private ControlOptions controlOptions;

    @CommandLine.Mixin
    private ScenarioOption scenarioOption;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine command = spec.commandLine();
        if (count < 1) {
            throw new CommandLine.ParameterException(command, "--count must be at least 1");
        }
        List<Model> models = models(command, model, count);
        InetSocketAddress address = ListenAddress.parse(command, "--listen", listen);
        Scenario script = scenarioOption.load(command);
        List<String> endpoints = new ArrayList<>();
        ControlServer controlServer = null;
        EmbeddedFtpServer ftpServer = null;
        Fleet fleet;
        FleetConfig config = fleetConfig(0, models, address, ptyDirectory, ufsRoot, options);
        try (StartingAside<Fleet> building = StartingAside.start("qmodem-fleet-start", () -> Fleet.start(config))) {
            controlServer = controlOptions.start(command);
            ftpServer = options.startFtpServer(endpoints, count);
            fleet = building.get();
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(controlServer, ftpServer);
            throw e;
        }
        ControlServer startedControlServer = controlServer;
        EmbeddedFtpServer startedFtpServer = ftpServer;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startedControlServer != null) {
                startedControlServer.close();
            }
            fleet.close();
            stop(null, startedFtpServer);
            stopped.countDown();
        }, "qmodem-shutdown"));
        attach(fleet, controlServer, script);
        List<FleetModule> modules = fleet.modules();
        String ports = modules.size() == 1 ? modules.get(0).endpoint()
                : modules.get(0).endpoint() + " .. " + modules.get(modules.size() - 1).endpoint();
        endpoints.add(0, ports);
        if (controlServer != null) {
            endpoints.add(controlOptions.endpoint(command, controlServer));
        }
        System.out.println("qmodem fleet of " + count + " (" + ModelMix.parse(model) + ") ready: "
                + String.join(" ", endpoints) + " ufs:" + fleet.modules().get(0).ufs().getParent());
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The model of each module, by id; a bad model or a mix that does not add up is a usage error. */
    static List<Model> models(CommandLine command, String mix, int count) {
        try {
            return ModelMix.parse(mix).assign(count);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "--model: " + e.getMessage());
        }
    }

    /**
     * Puts every module of the fleet under the control API by its fleet id (a shard's ids are the global ones) and
     * starts the scenario on each; either may be null.
     */
    static void attach(Fleet fleet, ControlServer controlServer, Scenario script) {
        for (FleetModule m : fleet.modules()) {
            if (controlServer != null) {
                controlServer.register(m.id(), m.module(), m.endpoint());
            }
            if (script != null) {
                script.start(m.module());
            }
        }
    }

    /** Stops what started before a failure, or at the end; either may be null. */
    static void stop(ControlServer controlServer, EmbeddedFtpServer ftpServer) {
        if (controlServer != null) {
            controlServer.close();
        }
        if (ftpServer != null) {
            ftpServer.close();
        }
    }

    /** Modules {@code firstId..} with the shared module flags. */
    static FleetConfig fleetConfig(int firstId, List<Model> models, InetSocketAddress listen, Path ptyDirectory,
                                   Path ufsRoot, ModuleOptions options) {
        Path root = ufsRoot != null ? ufsRoot : DataDirectory.resolve().resolve("fleet");
        return new FleetConfig(firstId, models, listen, ptyDirectory, root, options.profileOverrides(),
                options.hostAliases);
    }
}
