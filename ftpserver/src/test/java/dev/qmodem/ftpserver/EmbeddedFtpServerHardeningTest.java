package dev.qmodem.ftpserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's login is public: it must not bounce connections, nor let links lead out of its root. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmbeddedFtpServerHardeningTest {

    @TempDir
    Path folder;
    private EmbeddedFtpServer server;
    private FTPClient client;
    private Path outside;

    @BeforeEach
    void start() throws IOException {
        Path root = Files.createDirectories(folder.resolve("root"));
        outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("inside.txt"), "inside");
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("created.txt"));
        Files.createSymbolicLink(root.resolve("sub").resolve("up"), Path.of("..", "..", "outside"));
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("inside.txt"));
        server = EmbeddedFtpServer.builder().root(root).tls(false).start();
        client = new FTPClient();
        client.connect(server.host(), server.port());
        assertThat(client.login(server.user(), server.password())).isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
    }

    @AfterEach
    void stop() throws IOException {
        client.disconnect();
        server.close();
    }

    @Test
    void linksOutOfTheRootLeadNowhere() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("secret.txt", sink)).isFalse();
        assertThat(client.retrieveFile("out/secret.txt", sink)).isFalse();
        assertThat(client.retrieveFile("sub/up/secret.txt", sink)).isFalse();
        assertThat(sink.size()).isZero();
        assertThat(client.changeWorkingDirectory("out")).isFalse();
        assertThat(client.changeWorkingDirectory("sub/up")).isFalse();
        assertThat(client.storeFile("dangling.txt", new ByteArrayInputStream("x".getBytes()))).isFalse();
        assertThat(client.storeFile("out/new.txt", new ByteArrayInputStream("x".getBytes()))).isFalse();
        assertThat(client.deleteFile("out/secret.txt")).isFalse();
        assertThat(client.rename("inside.txt", "out/moved.txt")).isFalse();
        assertThat(client.makeDirectory("out/made")).isFalse();
        assertThat(client.mlistFile("secret.txt")).isNull();
        assertThat(Arrays.stream(client.listFiles()).map(FTPFile::getName))
                .contains("inside.txt", "alias.txt", "sub").doesNotContain("out", "secret.txt", "dangling.txt");
        assertThat(client.listFiles("out")).isEmpty();
        try (var stream = Files.list(outside)) {
            assertThat(stream.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
        }
    }

    @Test
    void linksInsideTheRootStillWork() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("alias.txt", sink)).isTrue();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("inside");
    }

    @Test
    void portAndEprtToAnotherAddressAreRefused() throws IOException {
        try (ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            int port = elsewhere.getLocalPort();
            assertThat(client.sendCommand("PORT", "127,0,0,2," + (port >> 8) + "," + (port & 0xff))).isEqualTo(501);
            assertThat(client.sendCommand("EPRT", "|1|127.0.0.2|" + port + "|")).isEqualTo(501);
        }
        try (ServerSocket own = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = own.getLocalPort();
            assertThat(client.sendCommand("PORT", "127,0,0,1," + (port >> 8) + "," + (port & 0xff))).isEqualTo(200);
        }
    }
}
