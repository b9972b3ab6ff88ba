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
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Every FTP example of chapter 3 of both documents, per model, as a golden transcript, against each real server:
 * the embedded Apache FtpServer, vsftpd and pure-ftpd. The documents' host names map to 127.0.0.1.
 */
class FtpGoldenTest {

    private static final Map<String, String> DOCUMENT_HOSTS =
            Map.of("quectel.3322.org", "127.0.0.1", "hf.quectel.com", "127.0.0.1");

    static Stream<Arguments> transcripts() {
        return Arrays.stream(TestServers.Kind.values()).flatMap(kind -> GoldenFiles.of("ftp")
                .filter(a -> !a.get()[1].toString().contains("/_"))
                .filter(a -> kind.supportsMlsd() || !a.get()[1].toString().contains("mlsd"))
                .map(a -> Arguments.of(kind, a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("transcripts")
    @Timeout(120)
    void exampleMatches(TestServers.Kind kind, Model model, GoldenTranscript transcript, @TempDir Path ufs)
            throws Exception {
        try (FtpServerUnderTest server = kind.start();
             RunningModule modem = RunningModule.startOnVirtualTime(new ModuleConfig(model, ufs, new Properties(), DOCUMENT_HOSTS));
             HostConnection host = modem.connect()) {
            FtpDirectives directives = new FtpDirectives(server, ufs);
            transcript.play(host, directives.all(), Map.of(
                    "port", Integer.toString(server.port()), "user", server.user(), "password", server.password()));
        }
    }
}
