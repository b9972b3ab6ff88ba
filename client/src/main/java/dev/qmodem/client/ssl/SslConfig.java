package dev.qmodem.client.ssl;

import dev.qmodem.client.at.AtCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of one SSL context for {@code AT+QSSLCFG}; only those set are sent. A fluent, mutable builder:
 * {@code new SslConfig().version(SslVersion.ALL).cipherSuite(0xFFFF).securityLevel(SecurityLevel.NONE)}.
 */
public final class SslConfig {

    /** {@code <sslversion>}: 0 SSL 3.0, 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 all. */
    public enum SslVersion { SSL3_0, TLS1_0, TLS1_1, TLS1_2, ALL }

    /** {@code <seclevel>}: 0 no authentication, 1 the server's, 2 the server's and the client's. */
    public enum SecurityLevel { NONE, SERVER, SERVER_AND_CLIENT }

    private final List<String[]> settings = new ArrayList<>();

    /** {@code "sslversion"}. */
    public SslConfig version(SslVersion version) {
        return set("sslversion", String.valueOf(version.ordinal()));
    }

    /** {@code "ciphersuite"}, e.g. {@code 0xFFFF} for all. */
    public SslConfig cipherSuite(int suite) {
        return set("ciphersuite", "0X" + Integer.toHexString(suite).toUpperCase(Locale.ROOT));
    }

    /** {@code "seclevel"}. */
    public SslConfig securityLevel(SecurityLevel level) {
        return set("seclevel", String.valueOf(level.ordinal()));
    }

    /** {@code "cacert"}: the trusted CA file on the module, e.g. {@code "UFS:cacert.pem"}. */
    public SslConfig caCert(String path) {
        return set("cacert", AtCommand.quote(path));
    }

    /** {@code "clientcert"}: the client certificate file on the module. */
    public SslConfig clientCert(String path) {
        return set("clientcert", AtCommand.quote(path));
    }

    /** {@code "clientkey"}: the client key file on the module. */
    public SslConfig clientKey(String path) {
        return set("clientkey", AtCommand.quote(path));
    }

    /** {@code "ignorelocaltime"}: whether certificate validity ignores the module's clock. */
    public SslConfig ignoreLocalTime(boolean ignore) {
        return set("ignorelocaltime", ignore ? "1" : "0");
    }

    /** {@code "negotiatetime"}: the longest TLS handshake, in seconds. */
    public SslConfig negotiateTime(int seconds) {
        return set("negotiatetime", String.valueOf(seconds));
    }

    private SslConfig set(String name, String value) {
        settings.add(new String[] {name, value});
        return this;
    }

    List<String> commands(int context) {
        return settings.stream().map(s -> "AT+QSSLCFG=\"" + s[0] + "\"," + context + "," + s[1]).toList();
    }
}
