package dev.qmodem.command.ssl;

/**
 * One SSL context's configuration ({@code AT+QSSLCFG}) at a moment: what an FTPS connection is built from.
 *
 * @param sslVersion      {@code sslversion}: 0 SSL 3.0, 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 all
 * @param cipherSuite     {@code ciphersuite}: an IANA code such as 0x002F, or 0xFFFF for all
 * @param secLevel        {@code seclevel}: 0 no authentication, 1 verify the server, 2 also present a client certificate
 * @param caCert          {@code cacert}: local PEM file of trusted CA certificates, "" if unset
 * @param clientCert      {@code clientcert}: local PEM file of the client certificate (chain), "" if unset
 * @param clientKey       {@code clientkey}: local PEM file of the client key, "" if unset
 * @param ignoreLocalTime {@code ignorelocaltime}: whether certificate validity dates are ignored
 * @param negotiateTime   {@code negotiatetime}: seconds a TLS handshake may take
 * @param sni             {@code sni}: whether the host name is sent as Server Name Indication
 */
public record SslContextSettings(int sslVersion, int cipherSuite, int secLevel, String caCert, String clientCert,
                                 String clientKey, boolean ignoreLocalTime, int negotiateTime, boolean sni) {

    /** 0xFFFF: every suite the model knows. */
    public static final int ALL_CIPHER_SUITES = 0xFFFF;

    /**
     * Whether two contexts authenticate alike (same trust, same client key), so one JSSE context, and with it the
     * TLS session cache, can serve both: the data connection can then resume the control connection's session.
     */
    boolean authenticatesLike(SslContextSettings other) {
        return secLevel == other.secLevel && ignoreLocalTime == other.ignoreLocalTime
                && (secLevel == 0 || caCert.equals(other.caCert))
                && (secLevel < 2 || clientCert.equals(other.clientCert) && clientKey.equals(other.clientKey));
    }
}
