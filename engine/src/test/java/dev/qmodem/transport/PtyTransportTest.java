package dev.qmodem.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
@Timeout(20)
class PtyTransportTest {

    @TempDir
    Path dir;

    private PtyTransport transport;

    @AfterEach
    void closeTransport() throws IOException {
        if (transport != null) {
            transport.close();
        }
    }

    private Path start(HostSessionHandler handler) throws IOException {
        Path link = dir.resolve("qmodem");
        transport = new PtyTransport(link);
        transport.start(handler);
        return link;
    }

    private static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static void echo(HostLink link) {
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = link.input().read(buffer)) != -1; ) {
                link.output().write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyByteValuePassesUnchangedBothWays() throws Exception {
        CompletableFuture<byte[]> fromHost = new CompletableFuture<>();
        Path link = start(host -> {
            try {
                host.output().write(reversed(allBytes()));
                fromHost.complete(host.input().readNBytes(256));
            } catch (IOException e) {
                fromHost.completeExceptionally(e);
            }
        });
        assertThat(transport.endpoint()).isEqualTo("pty:" + link + " -> " + Files.readSymbolicLink(link));
        assertThat(Files.readSymbolicLink(link).toString()).startsWith("/dev/pts/");

        try (InputStream in = new FileInputStream(link.toFile());
                OutputStream out = new FileOutputStream(link.toFile())) {
            assertThat(in.readNBytes(256)).isEqualTo(reversed(allBytes()));
            out.write(allBytes());
            assertThat(fromHost.get(10, TimeUnit.SECONDS)).isEqualTo(allBytes());
        }
    }

    @Test
    void sessionOutlivesAHostThatClosesAndReopensTheLine() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        Path link = start(host -> {
            sessions.incrementAndGet();
            echo(host);
        });
        for (String word : new String[] {"first\r\n", "second\r\n"}) {
            try (InputStream in = new FileInputStream(link.toFile());
                    OutputStream out = new FileOutputStream(link.toFile())) {
                out.write(word.getBytes(US_ASCII));
                assertThat(new String(in.readNBytes(word.length()), US_ASCII)).isEqualTo(word);
            }
        }
        assertThat(sessions).hasValue(1);
    }

    @Test
    void pythonHostSeesARawLineAndRoundTripsAllBytes() throws Exception {
        Path link = start(PtyTransportTest::echo);
        String script = """
                import os, sys, termios
                fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
                iflag, oflag, cflag, lflag, ispeed, ospeed, cc = termios.tcgetattr(fd)
                assert lflag & (termios.ECHO | termios.ICANON | termios.ISIG) == 0, "not raw: lflag"
                assert iflag & (termios.ICRNL | termios.IXON | termios.ISTRIP) == 0, "not raw: iflag"
                assert oflag & termios.OPOST == 0, "not raw: oflag"
                data = bytes(range(256))
                os.write(fd, data)
                got = b""
                while len(got) < 256:
                    got += os.read(fd, 256)
                assert got == data, got
                print("ok")
                """;
        Process python = new ProcessBuilder("python3", "-c", script, link.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), US_ASCII);
        assertThat(python.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo("ok\n");
    }

    @Test
    void closeRemovesTheSymlinkAndEndsTheSession() throws Exception {
        CountDownLatch sessionOver = new CountDownLatch(1);
        Path link = start(host -> {
            echo(host);
            sessionOver.countDown();
        });
        assertThat(Files.isSymbolicLink(link)).isTrue();
        transport.close();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(sessionOver.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closeReleasesAWriterBlockedByAHostThatDoesNotRead() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CompletableFuture<Throwable> writeOutcome = new CompletableFuture<>();
        start(host -> {
            writing.countDown();
            try {
                host.output().write(new byte[1 << 20]);
                writeOutcome.complete(null);
            } catch (IOException e) {
                writeOutcome.complete(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        transport.close();
        assertThat(writeOutcome.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    }

    @Test
    void replacesAStaleSymlink() throws Exception {
        Path link = dir.resolve("qmodem");
        Files.createSymbolicLink(link, dir.resolve("gone"));
        start(PtyTransportTest::echo);
        assertThat(Files.readSymbolicLink(link).toString()).startsWith("/dev/pts/");
    }

    @Test
    void refusesToReplaceARegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("qmodem"), "keep me");
        transport = new PtyTransport(file);
        assertThatThrownBy(() -> transport.start(PtyTransportTest::echo)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }
}
