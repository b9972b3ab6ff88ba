package dev.qmodem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client must work against a real module: it imports nothing of qmodem outside its own packages. */
@Timeout(10)
class IndependenceTest {

    @Test
    void mainCodeImportsOnlyClientPackages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> foreign = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream().map(l -> p.getFileName() + ": " + l);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(l -> l.matches(".*: import (static )?dev\\.qmodem\\..*")
                            && !l.matches(".*: import (static )?dev\\.qmodem\\.client[.;].*"))
                    .toList();
            assertThat(foreign).isEmpty();
        }
    }
}
