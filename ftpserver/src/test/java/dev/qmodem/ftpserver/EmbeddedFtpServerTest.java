package dev.qmodem.ftpserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmbeddedFtpServerTest {

    @TempDir
    Path folder;

    @Test
    void twoServersOnEphemeralPortsListenOnlyWhereAsked() {
        try (EmbeddedFtpServer first = EmbeddedFtpServer.builder().root(folder.resolve("a")).tls(false).start();
             EmbeddedFtpServer second = EmbeddedFtpServer.builder().root(folder.resolve("b")).tls(false).start()) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
        }
    }

    @Test
    void plainPassiveAndActiveTransfersOnEphemeralPorts() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(folder.resolve("root")).start()) {
            System.out.println("embedded FTP server (3 listeners) started in " + server.startupTime().toMillis() + " ms");
            assertThat(server.port()).isPositive();
            assertThat(server.root()).isDirectory();
            FTPClient client = new FTPClient();
            login(client, server, server.port());
            client.enterLocalPassiveMode();
            roundTrip(client, server, "passive.bin");
            client.enterLocalActiveMode();
            roundTrip(client, server, "active.bin");
            client.logout();
            client.disconnect();
        }
    }

    @Test
    void bindsTheRequestedPort() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(folder.resolve("root")).tls(false)
                .port(free).start()) {
            System.out.println("embedded FTP server (plain only) started in " + server.startupTime().toMillis() + " ms");
            assertThat(server.port()).isEqualTo(free);
            assertThat(server.explicitTlsPort()).isEmpty();
            assertThat(server.certificateFile()).isNull();
        }
    }

    @Test
    void explicitAndImplicitTlsLoginAndTransfer() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(folder.resolve("root"))
                .dataFolder(folder.resolve("data")).start()) {
            SSLContext trusting = trusting(server.certificate());

            FTPSClient explicit = new FTPSClient(false, trusting);
            login(explicit, server, server.explicitTlsPort().orElseThrow());
            explicit.execPBSZ(0);
            explicit.execPROT("P");
            explicit.enterLocalPassiveMode();
            roundTrip(explicit, server, "explicit.bin");
            explicit.disconnect();

            FTPSClient implicit = new FTPSClient(true, trusting);
            login(implicit, server, server.implicitTlsPort().orElseThrow());
            implicit.execPBSZ(0);
            implicit.execPROT("P");
            implicit.enterLocalPassiveMode();
            roundTrip(implicit, server, "implicit.bin");
            implicit.disconnect();
        }
    }

    @Test
    void certificateIsMadeOnceAndReusedAfterRestart() throws IOException {
        Path data = folder.resolve("data");
        X509Certificate first;
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(folder.resolve("root")).dataFolder(data).start()) {
            first = server.certificate();
            assertThat(server.certificateFile()).isRegularFile().startsWith(data);
            assertThat(Files.readString(server.certificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
        }
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(folder.resolve("root")).dataFolder(data).start()) {
            System.out.println("embedded FTP server restarted with its certificate in "
                    + server.startupTime().toMillis() + " ms");
            assertThat(server.certificate()).isEqualTo(first);
        }
    }

    private static void login(FTPClient client, EmbeddedFtpServer server, int port) throws IOException {
        client.setDefaultTimeout(5000);
        client.connect(server.host(), port);
        client.setSoTimeout(5000);
        assertThat(client.login(server.user(), server.password())).as(client.getReplyString()).isTrue();
    }

    private static void roundTrip(FTPClient client, EmbeddedFtpServer server, String name) throws IOException {
        byte[] content = ("qmodem " + name + "\n").repeat(500).getBytes(StandardCharsets.US_ASCII);
        assertThat(client.setFileType(FTP.BINARY_FILE_TYPE)).isTrue();
        assertThat(client.storeFile(name, new ByteArrayInputStream(content))).as(client.getReplyString()).isTrue();
        assertThat(server.root().resolve(name)).hasBinaryContent(content);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        assertThat(client.retrieveFile(name, downloaded)).as(client.getReplyString()).isTrue();
        assertThat(downloaded.toByteArray()).isEqualTo(content);
    }

    private static SSLContext trusting(X509Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
