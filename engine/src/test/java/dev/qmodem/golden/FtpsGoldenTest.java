package dev.qmodem.golden;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.PureFtpd;
import dev.qmodem.testpeers.Vsftpd;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The FTPS examples of both documents and FTPS transfers, per model, as golden transcripts. A transcript whose name
 * says {@code explicit} runs against the explicit-TLS servers (vsftpd with {@code require_ssl_reuse=YES},
 * pure-ftpd, the embedded server), every other one against the implicit-TLS servers (vsftpd, the embedded server;
 * pure-ftpd has no implicit TLS).
 */
class FtpsGoldenTest {

    private static final Map<String, String> DOCUMENT_HOSTS =
            Map.of("quectel.3322.org", "127.0.0.1", "hf.quectel.com", "127.0.0.1");

    /** An FTPS server a transcript runs against. */
    enum Server {
        VSFTPD_IMPLICIT(false, () -> {
            Peers.requireVsftpd();
            return TestServers.peer("vsftpd-implicit", Vsftpd.builder().tls(Vsftpd.Tls.IMPLICIT).start());
        }),
        EMBEDDED_IMPLICIT(false, () -> embedded(false)),
        VSFTPD_EXPLICIT(true, () -> {
            Peers.requireVsftpd();
            return TestServers.peer("vsftpd-explicit", Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).start());
        }),
        PURE_FTPD_EXPLICIT(true, () -> {
            Peers.requirePureFtpd();
            return TestServers.peer("pure-ftpd-explicit", PureFtpd.builder().explicitTls(true).start());
        }),
        EMBEDDED_EXPLICIT(true, () -> embedded(true));

        final boolean explicit;
        private final Supplier<FtpServerUnderTest> starter;

        Server(boolean explicit, Supplier<FtpServerUnderTest> starter) {
            this.explicit = explicit;
            this.starter = starter;
        }

        FtpServerUnderTest start() {
            return starter.get();
        }
    }

    static Stream<Arguments> transcripts() {
        return GoldenFiles.of("ftps")
                .filter(a -> !a.get()[1].toString().contains("/_"))
                .flatMap(a -> Arrays.stream(Server.values())
                        .filter(s -> s.explicit == a.get()[1].toString().contains("explicit"))
                        .map(s -> Arguments.of(s, a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("transcripts")
    @Timeout(120)
    void exampleMatches(Server kind, Model model, GoldenTranscript transcript, @TempDir Path ufs) throws Exception {
        try (FtpServerUnderTest server = kind.start();
             RunningModule modem = RunningModule.startOnVirtualTime(new ModuleConfig(model, ufs, new Properties(), DOCUMENT_HOSTS));
             HostConnection host = modem.connect()) {
            transcript.play(host, new FtpDirectives(server, ufs).all(), Map.of(
                    "port", Integer.toString(server.port()), "user", server.user(), "password", server.password()));
        }
    }

    private static FtpServerUnderTest embedded(boolean explicit) {
        try {
            Path folder = Files.createTempDirectory("qmodem-embedded-ftps");
            EmbeddedFtpServer ftp = EmbeddedFtpServer.builder().root(folder.resolve("root")).dataFolder(folder).start();
            int port = (explicit ? ftp.explicitTlsPort() : ftp.implicitTlsPort()).orElseThrow();
            String name = explicit ? "embedded-explicit" : "embedded-implicit";
            return new FtpServerUnderTest() {
                public String name() { return name; }
                public int port() { return port; }
                public String user() { return ftp.user(); }
                public String password() { return ftp.password(); }
                public Path root() { return ftp.root(); }
                public void close() { ftp.close(); }
                @Override public String toString() { return name; }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
