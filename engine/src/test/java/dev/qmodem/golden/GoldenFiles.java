package dev.qmodem.golden;

import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds golden transcripts under {@code golden/<MODEL>/<group>/} on the test class path. A model inherits the
 * transcripts of the model its profile {@code extends} (BG77 those of BG95): its own folder holds only the files
 * whose bytes differ, and a file of the same name there replaces the parent's. An {@code ! include} resolves in
 * the folder of the file that includes it.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** (model, transcript) pairs of one group, e.g. {@code core} or {@code ftp}, for every model. */
    public static Stream<Arguments> of(String group) {
        return Arrays.stream(Model.values()).flatMap(model -> files(model, group)
                .map(file -> Arguments.of(model, GoldenTranscript.load(file))));
    }

    /** The transcripts a model plays, by file name: its own, then those it inherits and does not replace. */
    static Stream<Path> files(Model model, String group) {
        Map<String, Path> byName = new TreeMap<>();
        for (Optional<Model> m = Optional.of(model); m.isPresent(); m = ModelProfile.of(m.get()).parent()) {
            for (Path file : ownFiles(m.get(), group)) {
                byName.putIfAbsent(file.getFileName().toString(), file);
            }
        }
        return byName.values().stream();
    }

    private static List<Path> ownFiles(Model model, String group) {
        try {
            Path dir = Path.of(GoldenFiles.class.getResource("/golden").toURI()).resolve(model.name()).resolve(group);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> p.toString().endsWith(".txt")).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
