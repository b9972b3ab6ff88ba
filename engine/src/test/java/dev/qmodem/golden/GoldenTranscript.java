package dev.qmodem.golden;

import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden transcript: what the host sends and, byte for byte, what the module answers. One step per line:
 * <pre>
 * # a comment
 * &gt; AT+QFTPCWD="/"        the host sends this line and CR
 * &gt;&gt; \x00+++              the host sends these bytes as they are (escapes: \r \n \\ \xHH)
 * &lt; \r\nOK\r\n             the module answers these bytes (consecutive lines concatenate)
 * ! pause 1100             the host waits (guard times), on the module's clock
 * ! quiet 300              the module says nothing for that long
 * ! include _login.txt     the steps of another file in the same folder
 * ! name args              a directive the test supplies (server files, payloads)
 * </pre>
 * Expected bytes are read exactly: a transcript fails on any missing, extra or different byte. What the host sends
 * may use {@code ${name}} variables the test supplies (the server's port, the account), which never appear in
 * the module's answers while echo is off.
 */
public final class GoldenTranscript {

    /** A test-supplied step, such as placing a file on the FTP server. */
    @FunctionalInterface
    public interface Directive {
        void run(String argument, HostConnection host) throws Exception;
    }

    private record Step(char kind, String text, int lineNumber) {
    }

    private final Path file;
    private final List<Step> steps;

    private GoldenTranscript(Path file, List<Step> steps) {
        this.file = file;
        this.steps = steps;
    }

    public static GoldenTranscript load(Path file) {
        List<Step> steps = new ArrayList<>();
        read(file, steps);
        return new GoldenTranscript(file, steps);
    }

    private static void read(Path file, List<Step> steps) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith(">> ")) {
                    steps.add(new Step('r', line.substring(3), i + 1));
                } else if (line.startsWith("> ")) {
                    steps.add(new Step('>', line.substring(2), i + 1));
                } else if (line.startsWith("< ")) {
                    steps.add(new Step('<', line.substring(2), i + 1));
                } else if (line.startsWith("! include ")) {
                    read(file.resolveSibling(line.substring("! include ".length()).strip()), steps);
                } else if (line.startsWith("! ")) {
                    steps.add(new Step('!', line.substring(2), i + 1));
                } else {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown step: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays the transcript against a connected module. */
    public void play(HostConnection host, Map<String, Directive> directives) throws Exception {
        play(host, directives, Map.of());
    }

    /** Plays the transcript, replacing {@code ${name}} in what the host sends. */
    public void play(HostConnection host, Map<String, Directive> directives, Map<String, String> variables)
            throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int expectedFrom = 0;
        for (Step step : steps) {
            if (step.kind() != '<' && expected.size() > 0) {
                check(host, expected.toByteArray(), expectedFrom);
                expected.reset();
            }
            switch (step.kind()) {
                case '>' -> host.command(substitute(step.text(), variables));
                case 'r' -> host.send(Escapes.parse(step.text()));
                case '<' -> {
                    if (expected.size() == 0) {
                        expectedFrom = step.lineNumber();
                    }
                    expected.writeBytes(Escapes.parse(step.text()));
                }
                case '!' -> directive(host, step, directives);
                default -> throw new IllegalStateException();
            }
        }
        if (expected.size() > 0) {
            check(host, expected.toByteArray(), expectedFrom);
        }
        assertThat(Escapes.show(host.drain(Duration.ofMillis(100))))
                .as("%s: nothing more after the last step", file.getFileName()).isEmpty();
    }

    private static String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }

    private void check(HostConnection host, byte[] expected, int lineNumber) throws IOException {
        byte[] actual = host.readAvailable(expected.length, Duration.ofSeconds(10));
        assertThat(Escapes.show(actual)).as("%s:%d", file.getFileName(), lineNumber).isEqualTo(Escapes.show(expected));
    }

    private void directive(HostConnection host, Step step, Map<String, Directive> directives)
            throws Exception {
        String[] parts = step.text().split(" ", 2);
        String argument = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "pause" -> host.pause(Duration.ofMillis(Long.parseLong(argument)));
            case "quiet" -> assertThat(Escapes.show(host.drain(Duration.ofMillis(Long.parseLong(argument)))))
                    .as("%s:%d: silence", file.getFileName(), step.lineNumber()).isEmpty();
            default -> {
                Directive directive = directives.get(parts[0]);
                if (directive == null) {
                    throw new IllegalArgumentException(file + ":" + step.lineNumber() + ": unknown directive " + parts[0]);
                }
                directive.run(argument, host);
            }
        }
    }

    @Override
    public String toString() {
        return file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/" + file.getFileName();
    }
}
