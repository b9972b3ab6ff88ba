package dev.qmodem.golden;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Plays every {@code golden/<MODEL>/core} transcript over TCP against a fresh module of that model. */
class CoreGoldenTest {

    static Stream<Arguments> transcripts() {
        return GoldenFiles.of("core");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transcripts")
    @Timeout(60)
    void transcriptMatches(Model model, GoldenTranscript transcript, @TempDir Path ufs) throws Exception {
        try (RunningModule modem = RunningModule.startOnVirtualTime(ModuleConfig.of(model, ufs)); HostConnection host = modem.connect()) {
            transcript.play(host, Map.of());
        }
    }
}
