package dev.qmodem.ftp;

import dev.qmodem.time.Clock;

import org.bouncycastle.jsse.BCSSLSocket;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TLS layered on the control and data sockets of an FTPS session: parameters from {@link TlsParameters} (protocols,
 * suites, host name check, SNI), a handshake bounded by {@code negotiatetime} on the module's clock, and data connections that resume the
 * control connection's session however many transfers the session makes.
 * <p>
 * Resumption takes two routes. A Bouncy Castle JSSE socket (TLS 1.2 and older) is told the control session to
 * resume. A JDK JSSE socket looks its session up by peer host and port, so it is layered on a
 * {@link ControlPortSocket}; in TLS 1.3 each resumption spends one of the server's single-use tickets, and only a
 * connection that reads after its handshake receives a fresh one, so an upload's connection is ended by
 * {@link #closeUpload} reading the ticket and the server's close.
 */
final class TlsSockets {

    private static final String TLS13 = "TLSv1.3";
    /** What an upload's server may send before closing: a few tickets and a close_notify, never data. */
    private static final int UPLOAD_DRAIN_LIMIT = 64 * 1024;

    private TlsSockets() {
    }

    /**
     * The control connection: TLS layered on the connected {@code plain} socket, handshake done. Closing the TLS
     * socket leaves {@code plain} open (as Commons Net expects: it still sets timeouts on a connection whose TLS
     * the server ended with an alert, and would report that instead of the alert); the caller closes it.
     */
    static SSLSocket control(TlsParameters tls, Socket plain, String host, Clock clock) throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory()
                .createSocket(plain, host, plain.getPort(), false);
        return handshake(tls, socket, plain, clock);
    }

    /**
     * A data connection that resumes {@code control}'s session: TLS layered on the connected {@code plain} socket,
     * handshake done. On failure {@code plain} is closed.
     */
    static SSLSocket data(TlsParameters tls, Socket plain, String host, SSLSocket control, Clock clock)
            throws IOException {
        try {
            int controlPort = control.getPort();
            SSLSocket socket;
            if (control instanceof BCSSLSocket bcControl) {
                socket = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, host, controlPort, true);
                if (socket instanceof BCSSLSocket bcData) {
                    bcData.setBCSessionToResume(bcControl.getBCSession());
                }
            } else {
                socket = (SSLSocket) tls.context().getSocketFactory()
                        .createSocket(new ControlPortSocket(plain, controlPort), host, controlPort, true);
            }
            handshake(tls, socket, plain, clock);
            // The transfer's watchdog closes the socket under a read that waits too long. A read timeout on a
            // channel's socket would also cost a switch to non-blocking mode and a poll for every TLS record.
            plain.setSoTimeout(0);
            return socket;
        } catch (IOException | RuntimeException e) {
            FtpSession.closeQuietly(plain);
            throw e;
        }
    }

    /**
     * Closes an upload's data connection. In TLS 1.3 the server sent a session ticket after the handshake that the
     * upload never read; the output is shut (close_notify) and the input read to the server's close, for at most
     * {@code limit} on the module's clock (then the socket is closed under the read), so the ticket replaces the one
     * this connection spent. Otherwise, or once the socket is closed (an abort), it just closes.
     */
    static void closeUpload(Socket data, Duration limit, Clock clock) {
        if (data instanceof SSLSocket tls && !tls.isClosed() && TLS13.equals(tls.getSession().getProtocol())) {
            Clock.Timer deadline = clock.schedule(() -> closeAside(tls), limit.toNanos(), TimeUnit.NANOSECONDS);
            try {
                tls.shutdownOutput();
                InputStream in = tls.getInputStream();
                byte[] sink = new byte[4096];
                for (int drained = 0, n; drained < UPLOAD_DRAIN_LIMIT && (n = in.read(sink)) >= 0; ) {
                    drained += n;
                }
            } catch (IOException ignored) {
                // The server closed without close_notify or took too long: only a ticket is lost.
            } finally {
                deadline.cancel();
            }
        }
        FtpSession.closeQuietly(data);
    }

    /** Closes {@code socket} off the clock's thread: closing a TLS socket may block (close_notify). */
    private static void closeAside(Socket socket) {
        Thread.ofVirtual().name("ftp-tls-close").start(() -> FtpSession.closeQuietly(socket));
    }

    private static SSLSocket handshake(TlsParameters tls, SSLSocket socket, Socket plain, Clock clock)
            throws IOException {
        socket.setUseClientMode(true);
        SSLParameters parameters = socket.getSSLParameters();
        if (tls.protocols() != null) {
            parameters.setProtocols(tls.protocols());
        }
        if (tls.cipherSuites() != null) {
            parameters.setCipherSuites(tls.cipherSuites());
        }
        if (tls.verifyHostname()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        parameters.setServerNames(tls.serverName() == null ? List.of() : List.of(new SNIHostName(tls.serverName())));
        socket.setSSLParameters(parameters);

        // The plain socket, not the TLS one, is closed at the deadline: that never blocks the clock's thread. Its
        // read timeout is lifted meanwhile, so that the deadline on the clock is the handshake's only one.
        AtomicBoolean expired = new AtomicBoolean();
        Clock.Timer deadline = clock.schedule(() -> {
            expired.set(true);
            FtpSession.closeQuietly(plain);
        }, tls.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        int readTimeout = plain.getSoTimeout();
        try {
            plain.setSoTimeout(0);
            socket.startHandshake();
            plain.setSoTimeout(readTimeout);
            return socket;
        } catch (IOException e) {
            FtpSession.closeQuietly(socket);
            if (expired.get()) {
                throw new FtpFailure(FtpErrors.TLS, 0, "TLS handshake not done within " + tls.handshakeTimeout(), e);
            }
            throw e;
        } catch (RuntimeException e) {
            // A provider that finds nothing to offer (no usable suite or version) throws rather than failing the I/O.
            FtpSession.closeQuietly(socket);
            throw new FtpFailure(FtpErrors.TLS, 0, "TLS handshake impossible: " + e.getMessage(), e);
        } finally {
            deadline.cancel();
        }
    }
}
