package dev.qmodem.docs;

import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/commands.md from drifting: the reference is generated from the running modules themselves (which
 * commands each model's profile has, and what each command's test form answers on each model), and this test fails
 * when the committed file differs. Regenerate with {@code -Dqmodem.regenerate=true}.
 */
class CommandReferenceTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "commands.md");
    private static final Properties SEMANTICS = load("/docs/commands.properties");
    private static final String[] LIMITS = {"username", "password", "hostname", "file", "path", "local"};
    private static final String BASIC = "ATE ATV ATQ ATS ATZ AT&F AT&W AT&D ATI ATO";

    @Test
    @Timeout(120)
    void commandsMdMatchesTheModules(@TempDir Path ufs) throws Exception {
        String generated = generate(ufs);
        if (Boolean.getBoolean("qmodem.regenerate")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/commands.md is out of date: run mvn -pl engine -am test -Dtest=CommandReferenceTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dqmodem.regenerate=true")
                .isEqualTo(generated);
    }

    private static String generate(Path ufs) throws Exception {
        Map<String, Map<Model, String>> testForms = new TreeMap<>();
        for (Model model : Model.values()) {
            ModelProfile profile = ModelProfile.of(model);
            try (RunningModule modem = RunningModule.start(model, Files.createDirectories(ufs.resolve(model.name())));
                 HostConnection host = modem.connect()) {
                host.command("ATE0");
                host.readUntil("OK\r\n", Duration.ofSeconds(5));
                for (String name : new TreeSet<>(profile.commands())) {
                    if (!name.startsWith("+")) {
                        continue;
                    }
                    host.command("AT" + name + "=?");
                    String answer = host.readUntilMatch(java.util.regex.Pattern.compile("\r\n(OK|ERROR|\\+CME ERROR: \\d+)\r\n$"),
                            Duration.ofSeconds(5));
                    testForms.computeIfAbsent(name, n -> new TreeMap<>()).put(model, render(answer));
                }
            }
        }
        StringBuilder doc = new StringBuilder();
        doc.append("# AT command reference\n\n")
                .append("Generated from the running modules by `CommandReferenceTest` (engine tests), which fails when this\n")
                .append("file and the modules disagree: what each model has, and what each command's test form answers.\n")
                .append("Semantics, responses and errors are in [decisions.md](decisions.md), the README and each\n")
                .append("handler's Javadoc (`engine/src/main/java/dev/qmodem/command`).\n\n")
                .append("V.250 basic commands on every model: `").append(BASIC).append("` (S3, S4, S5, S12).\n");
        doc.append("\n## String parameter limits (bytes)\n\n| parameter | ")
                .append(String.join(" | ", Arrays.stream(Model.values()).map(Enum::name).toList()))
                .append(" |\n|---|").append("---|".repeat(Model.values().length)).append('\n');
        for (String limit : LIMITS) {
            doc.append("| ").append(limit).append(" |");
            for (Model model : Model.values()) {
                doc.append(' ').append(ModelProfile.of(model).limit("ftp.limit." + limit)).append(" |");
            }
            doc.append('\n');
        }
        doc.append("\n## Forms, responses and errors\n\n")
                .append("`+CME ERROR` codes are numbers under AT+CMEE=1 (the default) and texts under AT+CMEE=2.\n\n")
                .append("| command | forms and responses | errors |\n|---|---|---|\n");
        for (String name : testForms.keySet()) {
            String semantics = SEMANTICS.getProperty(name);
            assertThat(semantics).as("src/test/resources/docs/commands.properties describes %s", name).isNotNull();
            String[] parts = semantics.split(" \\| ", 2);
            doc.append("| `AT").append(name).append("` | ").append(parts[0]).append(" | ")
                    .append(parts.length > 1 ? parts[1] : "").append(" |\n");
        }
        doc.append("\n## Test forms\n\n| command | ")
                .append(String.join(" | ", Arrays.stream(Model.values()).map(Enum::name).toList()))
                .append(" |\n|---|").append("---|".repeat(Model.values().length)).append('\n');
        testForms.forEach((name, answers) -> {
            doc.append("| `AT").append(name).append("=?` |");
            for (Model model : Model.values()) {
                String answer = answers.get(model);
                doc.append(' ').append(answer == null ? "—" : answer).append(" |");
            }
            doc.append('\n');
        });
        return doc.toString();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (var in = CommandReferenceTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** A test-form answer as one table cell: its information lines, or OK when it has none. */
    private static String render(String answer) {
        String body = answer.strip();
        if (body.equals("OK")) {
            return "`OK`";
        }
        String info = body.endsWith("OK") ? body.substring(0, body.length() - 2).strip() : body;
        return "`" + Escapes.show(info).replace("\\r\\n", "`<br>`").replace("|", "\\|") + "`";
    }
}
