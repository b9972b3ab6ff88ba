package dev.qmodem.ftp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Implicit and explicit FTPS against Apache FtpServer, data connections protected. */
@Timeout(30)
class FtpsSessionTest {

    private static final byte[] DATA = FtpSessionTest.allByteValues(64);

    @TempDir
    Path root;
    @TempDir
    Path keys;

    private static FtpSettings settings(FtpSecurity security, SSLContext context) {
        TlsParameters tls = TlsParameters.of(context, true);
        return FtpSettings.of(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD)
                .withResponseTimeout(Duration.ofSeconds(10))
                .withSecurity(security, tls, tls);
    }

    @ParameterizedTest
    @EnumSource(value = FtpSecurity.class, names = {"IMPLICIT_TLS", "EXPLICIT_TLS"})
    void transfersOverProtectedDataConnections(FtpSecurity security) throws Exception {
        TestCertificate certificate = new TestCertificate(keys);
        Files.write(root.resolve("in.bin"), DATA);
        try (EmbeddedFtpServer server = new EmbeddedFtpServer(root, certificate.keystore.toFile(), TestCertificate.PASSWORD,
                security == FtpSecurity.IMPLICIT_TLS);
             FtpSession session = FtpSession.open("127.0.0.1", server.port(), settings(security, certificate.trustingContext()))) {
            Transfer get = session.retrieve("in.bin", 0);
            assertThat(get.data().readAllBytes()).isEqualTo(DATA);
            get.complete();

            Upload put = session.store("out.bin", 0);
            put.data().write(DATA);
            put.complete();
            assertThat(root.resolve("out.bin")).hasBinaryContent(DATA);

            Transfer list = session.retrieveListing(ListingKind.NLST, ".");
            assertThat(new String(list.data().readAllBytes())).contains("in.bin", "out.bin");
            list.complete();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FtpSecurity.class, names = {"IMPLICIT_TLS", "EXPLICIT_TLS"})
    void anUntrustedCertificateIs631(FtpSecurity security) throws Exception {
        TestCertificate certificate = new TestCertificate(keys);
        try (EmbeddedFtpServer server = new EmbeddedFtpServer(root, certificate.keystore.toFile(), TestCertificate.PASSWORD,
                security == FtpSecurity.IMPLICIT_TLS)) {
            assertThatThrownBy(() -> FtpSession.open("127.0.0.1", server.port(), settings(security, TestCertificate.defaultContext())))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(631));
        }
    }

    @Test
    void explicitTlsAgainstAPlainServerFailsWithTheAuthReply() throws Exception {
        TestCertificate certificate = new TestCertificate(keys);
        try (EmbeddedFtpServer server = new EmbeddedFtpServer(root, null, null, false)) {
            assertThatThrownBy(() -> FtpSession.open("127.0.0.1", server.port(),
                    settings(FtpSecurity.EXPLICIT_TLS, certificate.trustingContext())))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.protocolError()).isBetween(400, 599));
        }
    }
}
