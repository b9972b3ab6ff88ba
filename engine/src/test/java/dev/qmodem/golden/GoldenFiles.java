package dev.qmodem.golden;

import dev.qmodem.profile.Model;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** Finds golden transcripts under {@code golden/<MODEL>/<group>/} on the test class path. */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** (model, transcript) pairs of one group, e.g. {@code core} or {@code ftp}, for every model. */
    public static Stream<Arguments> of(String group) {
        return Arrays.stream(Model.values()).flatMap(model -> files(model, group)
                .map(file -> Arguments.of(model, GoldenTranscript.load(file))));
    }

    private static Stream<Path> files(Model model, String group) {
        try {
            Path dir = Path.of(GoldenFiles.class.getResource("/golden").toURI()).resolve(model.name()).resolve(group);
            if (!Files.isDirectory(dir)) {
                return Stream.empty();
            }
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
