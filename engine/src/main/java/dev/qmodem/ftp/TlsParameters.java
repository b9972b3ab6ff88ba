package dev.qmodem.ftp;

import javax.net.ssl.SSLContext;
import java.util.Objects;

/**
 * What one SSL context ({@code AT+QSSLCFG}) contributes to an FTPS connection.
 *
 * @param context         keys and trust; give the control and data connections the same instance so that
 *                        the data connection can resume the control connection's TLS session
 * @param protocols       enabled protocol versions, or null for the context's defaults
 * @param cipherSuites    enabled cipher suites, or null for the context's defaults
 * @param verifyHostname  whether the server certificate must name the host the session was opened with
 */
public record TlsParameters(SSLContext context, String[] protocols, String[] cipherSuites, boolean verifyHostname) {

    public TlsParameters {
        Objects.requireNonNull(context, "context");
        protocols = protocols == null ? null : protocols.clone();
        cipherSuites = cipherSuites == null ? null : cipherSuites.clone();
    }

    /** A context with its default protocols and suites. */
    public static TlsParameters of(SSLContext context, boolean verifyHostname) {
        return new TlsParameters(context, null, null, verifyHostname);
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
