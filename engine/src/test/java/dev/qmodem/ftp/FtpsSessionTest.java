package dev.qmodem.ftp;

import dev.qmodem.time.SystemClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.qmodem.ftpserver.EmbeddedFtpServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Implicit and explicit FTPS against Apache FtpServer, data connections protected. */
@Timeout(30)
class FtpsSessionTest {

    private static final SystemClock CLOCK = new SystemClock();

    @AfterAll
    static void stopClock() {
        CLOCK.close();
    }

    private static final byte[] DATA = FtpSessionTest.allByteValues(64);

    @TempDir
    Path root;
    @TempDir
    Path data;

    private static FtpSettings settings(FtpSecurity security, SSLContext context) {
        TlsParameters tls = TlsParameters.of(context, true);
        return FtpSettings.of("test", "test")
                .withResponseTimeout(Duration.ofSeconds(10))
                .withSecurity(security, tls, tls);
    }

    @ParameterizedTest
    @EnumSource(value = FtpSecurity.class, names = {"IMPLICIT_TLS", "EXPLICIT_TLS"})
    void transfersOverProtectedDataConnections(FtpSecurity security) throws Exception {
        Files.write(root.resolve("in.bin"), DATA);
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).dataFolder(data).start();
             FtpSession session = FtpSession.open("127.0.0.1", tlsPort(server, security),
                     settings(security, trusting(server.certificate())), CLOCK)) {
            DownloadConnection get = session.retrieve("in.bin", 0);
            assertThat(get.data().readAllBytes()).isEqualTo(DATA);
            get.complete();

            UploadConnection put = session.store("out.bin", 0);
            put.data().write(DATA);
            put.complete();
            assertThat(root.resolve("out.bin")).hasBinaryContent(DATA);

            DownloadConnection list = session.retrieveListing(ListingKind.NLST, ".");
            assertThat(new String(list.data().readAllBytes())).contains("in.bin", "out.bin");
            list.complete();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FtpSecurity.class, names = {"IMPLICIT_TLS", "EXPLICIT_TLS"})
    void anUntrustedCertificateIs631(FtpSecurity security) throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).dataFolder(data).start()) {
            assertThatThrownBy(() -> FtpSession.open("127.0.0.1", tlsPort(server, security),
                    settings(security, SSLContext.getDefault()), CLOCK))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(631));
        }
    }

    @Test
    void explicitTlsAgainstAPlainServerFailsWithTheAuthReply() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).dataFolder(data).start()) {
            assertThatThrownBy(() -> FtpSession.open("127.0.0.1", server.port(),
                    settings(FtpSecurity.EXPLICIT_TLS, trusting(server.certificate())), CLOCK))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.protocolError()).isBetween(400, 599));
        }
    }

    private static int tlsPort(EmbeddedFtpServer server, FtpSecurity security) {
        return (security == FtpSecurity.IMPLICIT_TLS ? server.implicitTlsPort() : server.explicitTlsPort()).orElseThrow();
    }

    /** A client context that trusts exactly the embedded server's self-signed certificate. */
    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
