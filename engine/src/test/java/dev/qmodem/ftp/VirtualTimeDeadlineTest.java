package dev.qmodem.ftp;

import dev.qmodem.testpeers.HostileFtpServer;
import dev.qmodem.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data connection's silence and the TLS handshake's deadline are events on the module's clock: on virtual
 * time a peer that goes silent is given up on when the test moves the clock, long before the same timeouts would
 * pass in real time (the test takes a few seconds at most; the timeouts are minutes).
 */
@Timeout(20)
class VirtualTimeDeadlineTest {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    private static final byte[] SENT = FtpSessionTest.allByteValues(4);

    @Test
    void aDataConnectionThatFallsSilentTimesOutWith609OnVirtualTime() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (HostileFtpServer server = HostileFtpServer.start(HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("PASV")) {
                    ServerSocket passive = session.passiveListener();
                    session.reply(session.pasvReply("127.0.0.1", passive.getLocalPort()));
                    Thread.ofVirtual().start(() -> sendThenFallSilent(session, passive));
                    return "";
                }
                return verb.equals("RETR") ? "150 sending" : null;
            }))) {
            FtpSession session = FtpSession.open("127.0.0.1", server.port(),
                    FtpSettings.of("u", "p").withResponseTimeout(RESPONSE_TIMEOUT), clock);
            DownloadConnection get = session.retrieve("f", 0);
            assertThat(FtpSessionTest.readExactly(get.data(), SENT.length)).isEqualTo(SENT);

            CompletableFuture<Integer> blockedRead = CompletableFuture.supplyAsync(() -> {
                try {
                    return get.data().read(new byte[64]);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            assertThat(failureAfterAdvancing(clock, RESPONSE_TIMEOUT, blockedRead))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(609));
            session.abort();
        }
    }

    @Test
    void aTlsHandshakeThePeerNeverAnswersFailsWith631OnVirtualTime() throws Exception {
        VirtualClock clock = new VirtualClock();
        Duration negotiateTime = Duration.ofSeconds(30);
        TlsParameters tls = new TlsParameters(SSLContext.getDefault(), null, null, false, null, negotiateTime);
        FtpSettings settings = FtpSettings.of("u", "p").withResponseTimeout(RESPONSE_TIMEOUT)
                .withSecurity(FtpSecurity.EXPLICIT_TLS, tls, tls);
        CountDownLatch helloArrived = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket control = listener.accept()) {
                    control.getOutputStream().write("220 hi\r\n".getBytes(StandardCharsets.US_ASCII));
                    InputStream in = control.getInputStream();
                    while (in.read() != '\n') {
                        // AUTH TLS
                    }
                    control.getOutputStream().write("234 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    in.read();
                    helloArrived.countDown();
                    while (in.read() >= 0) {
                        // silent: never a ServerHello
                    }
                } catch (IOException e) {
                    // the client gave up
                }
            });
            CompletableFuture<FtpSession> open = CompletableFuture.supplyAsync(() -> {
                try {
                    return FtpSession.open("127.0.0.1", listener.getLocalPort(), settings, clock);
                } catch (FtpFailure f) {
                    throw new CompletionException(f);
                }
            });
            assertThat(helloArrived.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(negotiateTime.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(failureOf(open))
                    .isInstanceOfSatisfying(FtpFailure.class, f -> assertThat(f.err()).isEqualTo(FtpErrors.TLS));
            peer.join(5000);
        }
    }

    private static void sendThenFallSilent(HostileFtpServer.Session session, ServerSocket passive) {
        try {
            Socket data = session.acceptData(passive);
            data.getOutputStream().write(SENT);
            data.getOutputStream().flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    /**
     * Moves the clock a timeout at a time until {@code operation} fails: the reader may not be waiting yet when the
     * clock first moves, and then the next step ends it.
     */
    private static Throwable failureAfterAdvancing(VirtualClock clock, Duration step, CompletableFuture<?> operation)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            clock.advance(step.toMillis(), TimeUnit.MILLISECONDS);
            try {
                operation.get(100, TimeUnit.MILLISECONDS);
                throw new AssertionError("the operation succeeded");
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException stillBlocked) {
                // not waiting on the server yet when the clock moved
            }
        }
        throw new AssertionError("still blocked after 100 timeouts of virtual time");
    }

    private static Throwable failureOf(CompletableFuture<?> operation) throws Exception {
        try {
            operation.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the operation succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
