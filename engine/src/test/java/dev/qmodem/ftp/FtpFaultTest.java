package dev.qmodem.ftp;

import dev.qmodem.time.SystemClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Servers that misbehave, played by a scripted peer on loopback. */
@Timeout(20)
class FtpFaultTest {

    private static final SystemClock CLOCK = new SystemClock();

    @AfterAll
    static void stopClock() {
        CLOCK.close();
    }

    private static final Duration SHORT = Duration.ofMillis(400);

    private static FtpSettings settings(Duration timeout) {
        return FtpSettings.of("u", "p").withResponseTimeout(timeout);
    }

    @Test
    void aServerThatNeverGreetsTimesOutWith609() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> acceptQuietly(listener));
            long start = System.nanoTime();
            assertThatThrownBy(() -> FtpSession.open("127.0.0.1", listener.getLocalPort(), settings(SHORT), CLOCK))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(609));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT.multipliedBy(5));
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aReplyThatNeverComesTimesOutWith609AndCloseStillReturns() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(false)) {
            FtpSession session = FtpSession.open("127.0.0.1", peer.port(), settings(SHORT), CLOCK);
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.size("x"))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(609));
            assertThatThrownBy(session::close).isInstanceOf(FtpFailure.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT.multipliedBy(6));
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void aServerKilledMidDownloadFailsAfterDeliveringWhatItSent() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(true)) {
            FtpSession session = FtpSession.open("127.0.0.1", peer.port(), settings(Duration.ofSeconds(5)), CLOCK);
            DownloadConnection get = session.retrieve("file.bin", 0);
            byte[] first = FtpSessionTest.readExactly(get.data(), ScriptedServer.SENT.length);
            assertThat(first).isEqualTo(ScriptedServer.SENT);
            peer.kill.countDown();

            FtpFailure failure = catchThrowableOfType(FtpFailure.class, () -> {
                get.data().readAllBytes();
                get.complete();
            });
            assertThat(failure).isNotNull();
            assertThat(failure.err()).isIn(FtpErrors.CONTROL_LOST, FtpErrors.DATA_LOST, FtpErrors.RESET_BY_PEER);
            assertThat(get.bytesTransferred()).isEqualTo(ScriptedServer.SENT.length);
            session.close();
        } catch (FtpFailure expectedOnClose) {
            assertThat(expectedOnClose.err()).isIn(FtpErrors.CONTROL_LOST, FtpErrors.RESET_BY_PEER);
        }
    }

    private static Socket acceptQuietly(ServerSocket listener) {
        try {
            return listener.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A one-session server: greets, accepts any login, then either goes silent after login ({@code serveData}
     * false) or serves RETR by sending {@link #SENT} and, once {@link #kill} opens, resetting both connections.
     */
    private static final class ScriptedServer implements AutoCloseable {
        static final byte[] SENT = Arrays.copyOf(FtpSessionTest.allByteValues(8), 2000);

        final CountDownLatch kill = new CountDownLatch(1);
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final boolean serveData;
        private final Thread thread;

        ScriptedServer(boolean serveData) throws IOException {
            this.serveData = serveData;
            thread = Thread.ofPlatform().daemon().start(this::serve);
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            try (Socket control = listener.accept();
                 ServerSocket passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = control.getOutputStream();
                reply(out, "220 scripted");
                for (String line; (line = in.readLine()) != null; ) {
                    String verb = line.split(" ")[0];
                    switch (verb) {
                        case "USER" -> reply(out, "331 password");
                        case "PASS" -> reply(out, "230 in");
                        case "TYPE" -> reply(out, "200 type");
                        case "PASV" -> reply(out, "227 Entering Passive Mode (127,0,0,1,"
                                + (passive.getLocalPort() >> 8) + "," + (passive.getLocalPort() & 0xff) + ")");
                        case "RETR" -> {
                            Socket data = passive.accept();
                            reply(out, "150 sending");
                            data.getOutputStream().write(SENT);
                            data.getOutputStream().flush();
                            kill.await();
                            data.setSoLinger(true, 0);
                            control.setSoLinger(true, 0);
                            data.close();
                            return;
                        }
                        default -> {
                            if (serveData) {
                                reply(out, "502 not scripted");
                            }
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The peer ends with its test; a client that hung up is not a failure here.
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            kill.countDown();
            listener.close();
            thread.join(5000);
        }
    }
}
