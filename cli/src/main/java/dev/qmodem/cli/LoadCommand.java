package dev.qmodem.cli;

import dev.qmodem.control.ControlServer;
import dev.qmodem.control.Scenario;
import dev.qmodem.fleet.Fleet;
import dev.qmodem.fleet.FleetConfig;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.load.LoadResult;
import dev.qmodem.load.LoadRun;
import dev.qmodem.load.Shard;
import dev.qmodem.load.Workload;
import dev.qmodem.profile.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code qmodem load WORKLOAD.yaml}: starts the workload's fleet (or this shard of it) and runs its host session on
 * every module over the module's real TCP AT port, then prints the figures per step.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Run a scripted host session on every module of a fleet and measure the FTP back end.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every step of every module succeeded", "1:a step failed, or the fleet could not start",
                "2:bad flags or a bad workload file"})
final class LoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD.yaml", description = "The workload (see docs/fleet.md).")
    private Path workloadFile;

    @Option(names = "--shard", defaultValue = "0/1", paramLabel = "i/N",
            description = "Run part i of N of the fleet (ids i*count/N up to (i+1)*count/N); default: ${DEFAULT-VALUE}.")
    private String shard;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the figures per step as JSON.")
    private Path report;

    @Option(names = "--listen", defaultValue = "127.0.0.1:0", paramLabel = "HOST:PORT",
            description = "The first module's AT port, the others follow (default: ${DEFAULT-VALUE}: each a free port).")
    private String listen;

    @Option(names = "--ufs-root", paramLabel = "DIR",
            description = "Module i's flash is DIR/i (default: fleet under the user's data directory).")
    private Path ufsRoot;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|line|log|none",
            description = "Live progress on stderr: one line rewritten in place (line), a line every 10 s (log), none; "
                    + "auto: line on a terminal, else log.")
    private String progress;

    @CommandLine.Mixin
    private ModuleOptions options;

    @CommandLine.Mixin
    private ControlOptions controlOptions;

    @CommandLine.Mixin
    private ScenarioOption scenarioOption;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine command = spec.commandLine();
        Workload workload;
        Shard part;
        try {
            workload = Workload.read(workloadFile);
            part = Shard.parse(shard);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CommandLine.ParameterException(command, workloadFile + ": " + e.getMessage());
        }
        List<Model> all = FleetCommand.models(command, workload.model(), workload.count());
        int firstId = part.firstId(workload.count());
        List<Model> models = all.subList(firstId, firstId + part.size(workload.count()));
        InetSocketAddress address = ListenAddress.parse(command, "--listen", listen);

        Scenario script = scenarioOption.load(command);
        ControlServer controlServer = null;
        EmbeddedFtpServer ftpServer = null;
        FleetConfig config = FleetCommand.fleetConfig(firstId, models, address, null, ufsRoot, options);
        try (StartingAside<Fleet> building = StartingAside.start("qmodem-fleet-start", () -> Fleet.start(config))) {
            controlServer = controlOptions.start(command);
            Workload.Server server = workload.server();
            if (server == null) {
                ftpServer = options.startFtpServer(new ArrayList<>(), models.size() + 1);
                if (ftpServer == null) {
                    throw new CommandLine.ParameterException(command,
                            "the workload names no server and --no-ftp-server turns the embedded one off");
                }
                server = new Workload.Server(ftpServer.host(), ftpServer.port(), ftpServer.user(), ftpServer.password());
            }
            try (Fleet fleet = building.get()) {
                return run(workload, server, part, fleet, address, controlServer, script);
            }
        } finally {
            FleetCommand.stop(controlServer, ftpServer);
        }
    }

    private int run(Workload workload, Workload.Server server, Shard part, Fleet fleet, InetSocketAddress address,
                    ControlServer controlServer, Scenario script) throws IOException, InterruptedException {
        FleetCommand.attach(fleet, controlServer, script);
        List<LoadRun.Target> targets = fleet.modules().stream()
                .map(m -> new LoadRun.Target(m.id(), address.getHostString(), m.port())).toList();
        System.err.println("qmodem load: " + targets.size() + " modules ready (shard " + part + "), server "
                + server.host() + ":" + server.port()
                + (controlServer == null ? "" : " " + controlOptions.endpoint(spec.commandLine(), controlServer)));
        boolean terminal = progress.equals("line") || progress.equals("auto") && onTerminal();
        LoadResult result = LoadRun.run(workload, server, targets, part,
                progress.equals("none") ? null : System.err, terminal);
        result.printSummary(System.out);
        if (report != null) {
            result.writeReport(report);
        }
        return result.failed() ? 1 : 0;
    }

    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Console.isTerminal() exists from Java 22; before it a console meant a terminal
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
