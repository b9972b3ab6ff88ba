package dev.qmodem.ftp;

import dev.qmodem.time.SystemClock;
import org.junit.jupiter.api.AfterAll;
import dev.qmodem.ftpserver.EmbeddedFtpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class FtpSessionTest {

    private static final SystemClock CLOCK = new SystemClock();

    @AfterAll
    static void stopClock() {
        CLOCK.close();
    }

    private static final byte[] ALL_BYTES = allByteValues(4);

    @TempDir
    Path root;
    private EmbeddedFtpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = EmbeddedFtpServer.builder().root(root).tls(false).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private FtpSettings settings() {
        return FtpSettings.of(server.user(), server.password()).withResponseTimeout(Duration.ofSeconds(10));
    }

    private FtpSession open(FtpSettings settings) throws FtpFailure {
        return FtpSession.open("127.0.0.1", server.port(), settings, CLOCK);
    }

    @Test
    void wrongPasswordIs625With530() {
        FtpSettings wrong = new FtpSettings(server.user(), "nope", true, true, Duration.ofSeconds(10),
                FtpSecurity.NONE, null, null, false);
        assertThatThrownBy(() -> open(wrong)).isInstanceOfSatisfying(FtpFailure.class, f -> {
            assertThat(f.err()).isEqualTo(625);
            assertThat(f.protocolError()).isEqualTo(530);
        });
    }

    @Test
    void unknownHostIs604() {
        assertThatThrownBy(() -> FtpSession.open("no-such-host.invalid", 21, settings(), CLOCK))
                .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(604));
    }

    @Test
    void closedPortIs605() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> FtpSession.open("127.0.0.1", closedPort, settings(), CLOCK))
                .isInstanceOfSatisfying(FtpFailure.class, f -> {
                    assertThat(f.err()).isEqualTo(605);
                    assertThat(f.protocolError()).isZero();
                });
    }

    @Test
    void directoryAndFileCommands() throws Exception {
        Files.write(root.resolve("a.bin"), ALL_BYTES);
        try (FtpSession session = open(settings())) {
            assertThat(session.pwd()).isEqualTo("/");
            session.mkdir("dir");
            session.cwd("dir");
            assertThat(session.pwd()).isEqualTo("/dir");
            session.cwd("/");
            assertThat(session.size("a.bin")).isEqualTo(ALL_BYTES.length);
            assertThat(session.mdtm("a.bin")).matches("\\d{14}(\\.\\d+)?");
            session.rename("a.bin", "dir/b.bin");
            assertThat(root.resolve("dir/b.bin")).exists();
            session.delete("dir/b.bin");
            assertThat(root.resolve("dir/b.bin")).doesNotExist();
            session.rmdir("dir");
            assertThat(root.resolve("dir")).doesNotExist();
        }
    }

    @Test
    void missingFileIs627With550() throws Exception {
        try (FtpSession session = open(settings())) {
            assertThatThrownBy(() -> session.retrieve("missing.bin", 0)).isInstanceOfSatisfying(FtpFailure.class, f -> {
                assertThat(f.err()).isEqualTo(627);
                assertThat(f.protocolError()).isEqualTo(550);
            });
            assertThatThrownBy(() -> session.size("missing.bin"))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.protocolError()).isEqualTo(550));
            assertThat(session.pwd()).isEqualTo("/");
        }
    }

    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void downloadsAndUploadsEveryByteValue(boolean passive) throws Exception {
        Files.write(root.resolve("in.bin"), ALL_BYTES);
        try (FtpSession session = open(settings().withPassive(passive))) {
            DownloadConnection get = session.retrieve("in.bin", 0);
            assertThat(get.data().readAllBytes()).isEqualTo(ALL_BYTES);
            get.complete();
            assertThat(get.bytesTransferred()).isEqualTo(ALL_BYTES.length);

            UploadConnection put = session.store("out.bin", 0);
            put.data().write(ALL_BYTES);
            put.complete();
            assertThat(put.bytesTransferred()).isEqualTo(ALL_BYTES.length);
            assertThat(root.resolve("out.bin")).hasBinaryContent(ALL_BYTES);
        }
    }

    @Test
    void restartedDownloadStartsAtTheOffset() throws Exception {
        Files.write(root.resolve("in.bin"), ALL_BYTES);
        try (FtpSession session = open(settings())) {
            DownloadConnection get = session.retrieve("in.bin", 300);
            assertThat(get.data().readAllBytes()).isEqualTo(Arrays.copyOfRange(ALL_BYTES, 300, ALL_BYTES.length));
            get.complete();
        }
    }

    @Test
    void restartedUploadWritesFromTheOffset() throws Exception {
        Files.write(root.resolve("out.bin"), Arrays.copyOf(ALL_BYTES, 100));
        try (FtpSession session = open(settings())) {
            UploadConnection put = session.store("out.bin", 100);
            put.data().write(ALL_BYTES, 100, ALL_BYTES.length - 100);
            put.complete();
        }
        assertThat(root.resolve("out.bin")).hasBinaryContent(ALL_BYTES);
    }

    @Test
    void listsTheWorkingDirectory() throws Exception {
        Files.writeString(root.resolve("one.txt"), "1");
        Files.createDirectory(root.resolve("sub"));
        try (FtpSession session = open(settings())) {
            for (ListingKind kind : ListingKind.values()) {
                DownloadConnection list = session.retrieveListing(kind, ".");
                String text = new String(list.data().readAllBytes(), StandardCharsets.UTF_8);
                list.complete();
                assertThat(text).as(kind.name()).contains("one.txt").contains("sub");
            }
            DownloadConnection nlst = session.retrieveListing(ListingKind.NLST, "sub");
            nlst.data().readAllBytes();
            nlst.complete();
        }
    }

    @Test
    void abortedDownloadLeavesTheSessionUsable() throws Exception {
        Files.write(root.resolve("big.bin"), allByteValues(64 * 1024));
        try (FtpSession session = open(settings())) {
            DownloadConnection get = session.retrieve("big.bin", 0);
            assertThat(get.data().read(new byte[1000])).isPositive();
            get.abort();
            assertThat(session.pwd()).isEqualTo("/");
        }
    }

    @Test
    void commandsDuringATransferAreRefused() throws Exception {
        Files.write(root.resolve("in.bin"), ALL_BYTES);
        try (FtpSession session = open(settings())) {
            DownloadConnection get = session.retrieve("in.bin", 0);
            assertThatThrownBy(session::pwd).isInstanceOf(IllegalStateException.class);
            get.data().readAllBytes();
            get.complete();
        }
    }

    static byte[] allByteValues(int repeats) {
        byte[] bytes = new byte[256 * repeats];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static byte[] readExactly(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (out.size() < n) {
            int r = in.read(buffer, 0, Math.min(buffer.length, n - out.size()));
            if (r < 0) {
                break;
            }
            out.write(buffer, 0, r);
        }
        return out.toByteArray();
    }
}
