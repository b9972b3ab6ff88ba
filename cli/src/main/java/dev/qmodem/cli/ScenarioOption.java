package dev.qmodem.cli;

import dev.qmodem.control.Scenario;
import dev.qmodem.fault.FaultException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --scenario FILE}, which {@code serve}, {@code fleet} and {@code load} share. */
final class ScenarioOption {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Replay the faults and events of a scenario file (YAML, docs/faults.md) on every module, "
                    + "from the ready line on.")
    Path scenario;

    /** The checked scenario, or null without {@code --scenario}; a bad file is a usage error naming the step. */
    Scenario load(CommandLine command) throws IOException {
        if (scenario == null) {
            return null;
        }
        try {
            return Scenario.load(scenario);
        } catch (FaultException e) {
            throw new CommandLine.ParameterException(command, scenario + ": " + e.getMessage());
        }
    }
}
