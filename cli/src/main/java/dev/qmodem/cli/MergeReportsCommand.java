package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qmodem.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qmodem merge-reports}: the reports of every shard (pod) of a load run as one, percentiles included. */
@Command(name = "merge-reports", mixinStandardHelpOptions = true,
        description = "Merge the --report files of the shards of one load run into the figures of the whole fleet.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no step failed in any shard", "1:a step failed in some shard", "2:unreadable or mismatched reports"})
final class MergeReportsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT.json", description = "The shards' reports.")
    private List<Path> reports;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the merged figures as JSON.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> documents = new ArrayList<>();
        LoadResult merged;
        try {
            for (Path file : reports) {
                documents.add(json.readTree(file.toFile()));
            }
            merged = LoadResult.merge(documents);
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        merged.printSummary(System.out);
        if (report != null) {
            merged.writeReport(report);
        }
        return merged.failed() ? 1 : 0;
    }
}
