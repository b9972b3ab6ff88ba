package dev.qmodem.ftp;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Objects;

/**
 * What one SSL context ({@code AT+QSSLCFG}) contributes to an FTPS connection.
 *
 * @param context          keys and trust; give the control and data connections the same instance so that
 *                         the data connection can resume the control connection's TLS session
 * @param protocols        enabled protocol versions, or null for the context's defaults
 * @param cipherSuites     enabled cipher suites, or null for the context's defaults
 * @param verifyHostname   whether the server certificate must name the host the session was opened with
 * @param serverName       the host name sent as SNI ({@code sni} 1), or null to send none
 * @param handshakeTimeout {@code negotiatetime}: the longest a TLS handshake may take
 */
public record TlsParameters(SSLContext context, String[] protocols, String[] cipherSuites, boolean verifyHostname,
                            String serverName, Duration handshakeTimeout) {

    /** The modules' default {@code negotiatetime}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(300);

    public TlsParameters {
        Objects.requireNonNull(context, "context");
        protocols = protocols == null ? null : protocols.clone();
        cipherSuites = cipherSuites == null ? null : cipherSuites.clone();
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
        }
    }

    /** A context with its default protocols and suites, no SNI, the default handshake timeout. */
    public static TlsParameters of(SSLContext context, boolean verifyHostname) {
        return new TlsParameters(context, null, null, verifyHostname, null, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    @Override
    public String[] protocols() {
        return protocols == null ? null : protocols.clone();
    }

    @Override
    public String[] cipherSuites() {
        return cipherSuites == null ? null : cipherSuites.clone();
    }
}
