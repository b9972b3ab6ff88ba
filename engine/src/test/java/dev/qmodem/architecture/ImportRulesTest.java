package dev.qmodem.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports point one way (STYLE.md): the wire-level packages import no other qmodem package, the FTP and data
 * layers only what is below them, commands everything but the wiring, and only {@code module} sees it all; and
 * docs/architecture.md says the same.
 */
class ImportRulesTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "qmodem");
    private static final Path GUIDE = Path.of("..", "docs", "architecture.md");
    private static final Pattern IMPORT = Pattern.compile("^import dev\\.qmodem\\.([a-z]+)", Pattern.MULTILINE);
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("at", Set.of()),
            Map.entry("os", Set.of()),
            Map.entry("transport", Set.of("os", "time")),
            Map.entry("fs", Set.of()),
            Map.entry("profile", Set.of()),
            Map.entry("network", Set.of()),
            Map.entry("time", Set.of()),
            Map.entry("ftp", Set.of("fs", "os", "profile", "time")),
            Map.entry("data", Set.of("at", "time")),
            Map.entry("fault", Set.of("ftp", "transport", "time")),
            Map.entry("command", Set.of("at", "data", "ftp", "fs", "profile", "network", "time", "fault")),
            Map.entry("module", Set.of("at", "data", "ftp", "fs", "profile", "network", "command", "transport", "time",
                    "fault")));

    @Test
    void everyPackageImportsOnlyWhatItMay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = MAIN.relativize(file).getName(0).toString();
                assertThat(ALLOWED).as("a rule for package %s", layer).containsKey(layer);
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String target = imports.group(1);
                    if (!target.equals(layer) && !ALLOWED.get(layer).contains(target)) {
                        violations.add(MAIN.relativize(file) + " imports dev.qmodem." + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theArchitectureGuideStatesTheseRules() throws IOException {
        Pattern row = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|$", Pattern.MULTILINE);
        Matcher rows = row.matcher(Files.readString(GUIDE));
        Map<String, Set<String>> documented = new java.util.HashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), Set.copyOf(Pattern.compile("`([a-z]+)`").matcher(rows.group(2))
                    .results().map(m -> m.group(1)).toList()));
        }
        assertThat(documented).isEqualTo(ALLOWED);
    }
}
