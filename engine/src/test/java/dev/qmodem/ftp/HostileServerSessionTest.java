package dev.qmodem.ftp;

import dev.qmodem.testpeers.HostileFtpServer;
import dev.qmodem.time.SystemClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session against servers that attack it: bounded replies, deadlines, forced ends, nothing smuggled out. */
@Timeout(20)
class HostileServerSessionTest {

    private static final SystemClock CLOCK = new SystemClock();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration DRIP = Duration.ofMillis(200);

    private static FtpSettings settings() {
        return FtpSettings.of("u", "p").withResponseTimeout(TIMEOUT);
    }

    private static FtpFailure openFails(HostileFtpServer server) {
        try {
            FtpSession.open("127.0.0.1", server.port(), settings(), CLOCK).close();
        } catch (FtpFailure f) {
            return f;
        }
        throw new AssertionError("open succeeded");
    }

    @Test
    void anEndlessMultiLineGreetingFailsWith601() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> s.flood("220-welcome, and welcome again"))) {
            assertThat(openFails(server).err()).isEqualTo(FtpErrors.UNKNOWN);
        }
    }

    @Test
    void aGreetingLineWithoutEndFailsWith601() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> s.floodWithoutLineEnd("220 xxxxxxxx"))) {
            assertThat(openFails(server).err()).isEqualTo(FtpErrors.UNKNOWN);
        }
    }

    @Test
    void aLineOfLoneLineFeedsCountsAsOneLine() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> s.floodWithoutLineEnd("220 a\n\r"))) {
            assertThat(openFails(server).err()).isEqualTo(FtpErrors.UNKNOWN);
        }
    }

    @Test
    void aDrippedGreetingRunsOutAt609WithinTheTimeout() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> s.drip("220-still here", DRIP))) {
            long start = System.nanoTime();
            assertThat(openFails(server).err()).isEqualTo(FtpErrors.TIMEOUT);
            assertThat(elapsedSince(start)).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plusMillis(700));
        }
    }

    @Test
    void aDrippedLoginReplyRunsOutAt609() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> {
            s.reply("220 hi");
            s.readCommand();
            s.drip("331-password, eventually", DRIP);
        })) {
            long start = System.nanoTime();
            assertThat(openFails(server).err()).isEqualTo(FtpErrors.TIMEOUT);
            assertThat(elapsedSince(start)).isLessThan(TIMEOUT.plusMillis(700));
        }
    }

    @Test
    void aDrippedCommandReplyRunsOutAt609AndEndsTheSession() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("CWD")) {
                    session.drip("250-changing", DRIP);
                }
                return null;
            }))) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(), settings(), CLOCK);
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.cwd("dir"))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(609));
            assertThat(elapsedSince(start)).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plusMillis(700));
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void aPassiveReplyThatNeverComesRunsOutAt609() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("PASV") || verb.equals("EPSV")) {
                    session.drip("227-thinking", DRIP);
                }
                return null;
            }))) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(), settings(), CLOCK);
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.retrieve("f", 0))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(609));
            assertThat(elapsedSince(start)).isLessThan(TIMEOUT.plusMillis(700));
        }
    }

    @Test
    void abortEndsABlockedLoginAt606AtOnce() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> s.drip("220-wait", DRIP))) {
            FtpSession session = FtpSession.prepare(FtpSettings.of("u", "p").withResponseTimeout(Duration.ofSeconds(60)),
                    CLOCK);
            CompletableFuture<Throwable> login = CompletableFuture.supplyAsync(() -> {
                try {
                    session.connect("127.0.0.1", server.port());
                    return null;
                } catch (FtpFailure f) {
                    return f;
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            session.abort();
            Throwable failure = login.get(5, TimeUnit.SECONDS);
            assertThat(elapsedSince(start)).isLessThan(Duration.ofSeconds(1));
            assertThat(failure).isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(606));
            session.close();
        }
    }

    @Test
    void abortEndsACommandTheServerNeverAnswersAt606() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("CWD")) {
                    session.awaitClose();
                }
                return null;
            }))) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(),
                    FtpSettings.of("u", "p").withResponseTimeout(Duration.ofSeconds(60)), CLOCK);
            CompletableFuture<Throwable> cwd = CompletableFuture.supplyAsync(() -> {
                try {
                    session.cwd("silent");
                    return null;
                } catch (FtpFailure f) {
                    return f;
                }
            });
            Thread.sleep(300);
            session.abort();
            assertThat(cwd.get(2, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(606));
        }
    }

    @Test
    void aControlCharacterInAnArgumentIsRefusedBeforeAnythingIsSent() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(HostileFtpServer.loggedIn((session, verb, argument) -> null))) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(), settings(), CLOCK);
            for (String hostile : new String[] {"a\r\nDELE b", "a\nSITE CHMOD 777 b", "a\0b", "a\u007fb", "a\tb"}) {
                assertThatThrownBy(() -> session.cwd(hostile))
                        .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(610));
            }
            session.cwd("fine");
            session.close();
            assertThat(server.received()).containsExactly("USER u", "PASS p", "TYPE I", "CWD fine", "QUIT");
        }
    }

    @Test
    void anActiveDataConnectionFromAnotherAddressIsRefusedWith615() throws Exception {
        try (HostileFtpServer server = HostileFtpServer.start(s -> {
            s.login();
            String[] port = new String[1];
            s.serve((session, verb, argument) -> switch (verb) {
                case "PORT" -> {
                    port[0] = argument;
                    yield "200 port";
                }
                case "RETR" -> {
                    session.reply("150 opening");
                    String[] parts = port[0].split(",");
                    try (Socket data = new Socket()) {
                        data.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                        data.connect(new InetSocketAddress(String.join(".", parts[0], parts[1], parts[2], parts[3]),
                                Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5])));
                        data.getOutputStream().write("not from the server".getBytes());
                    } catch (java.io.IOException refused) {
                        // The client may close first.
                    }
                    yield "426 aborted";
                }
                default -> null;
            });
        })) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(), settings().withPassive(false), CLOCK);
            assertThatThrownBy(() -> session.retrieve("f", 0))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(615));
            assertThat(session.isOpen()).isTrue();
            assertThat(session.pwd()).isEqualTo("/");
            session.close();
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
