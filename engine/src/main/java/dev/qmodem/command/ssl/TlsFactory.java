package dev.qmodem.command.ssl;

import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.TlsParameters;
import dev.qmodem.profile.ModelProfile;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the TLS side of an FTPS session from SSL context snapshots: trust by {@code seclevel} and {@code cacert},
 * a client key for {@code seclevel} 2, protocols by {@code sslversion}, suites by {@code ciphersuite}, the
 * handshake deadline by {@code negotiatetime} and Server Name Indication by {@code sni}.
 * <p>
 * The provider follows the protocols offered, so that data connections can always resume the control session:
 * with TLS 1.3 among them the JDK's JSSE (Bouncy Castle's JSSE cannot resume TLS 1.3 sessions), without it Bouncy
 * Castle's JSSE, which resumes TLS 1.2 by session ID when it is told which session to resume (the JDK discards the
 * TLS 1.2 tickets of servers such as vsftpd, whose lifetime is over 7 days, and then cannot resume at all).
 * Bouncy Castle's provider is used directly, never registered in the JVM.
 * <p>
 * What the JVM forbids ({@code jdk.tls.disabledAlgorithms}: SSL 3.0, TLS 1.0/1.1, RSA key exchange, RC4, 3DES
 * on a current JDK; both providers honour it) cannot be allowed for one connection. A request only for forbidden
 * protocols is served with the newest the model knows that the JVM permits (TLS 1.3), and one only for forbidden
 * suites with the provider's default suites, each logged; a JVM whose security properties permit them gets
 * exactly what was asked.
 */
public final class TlsFactory {

    private static final Logger log = LoggerFactory.getLogger(TlsFactory.class);
    private static final char[] KEY_PASSWORD = "qmodem".toCharArray();
    private static final String TLS13 = "TLSv1.3";

    private final PemFiles files;
    private final ModelProfile profile;
    private final List<Integer> modelSuites;

    public TlsFactory(LocalStorage storage, ModelProfile profile, SslConfig config) {
        this.files = new PemFiles(storage);
        this.profile = profile;
        this.modelSuites = config.cipherSuites();
    }

    /**
     * The control and data connections' TLS for a session to {@code host}. They share one {@link SSLContext}, and
     * so one session cache, when the two contexts authenticate alike, which lets the data connection resume the
     * control session (vsftpd's {@code require_ssl_reuse}); contexts with different trust or keys get separate ones
     * and cannot resume.
     *
     * @param host the server's host name as the host gave it, sent as SNI where a context has {@code sni} 1
     * @throws FtpFailure 631 when a certificate or key file is missing or unusable
     */
    public FtpsTls build(SslContextSettings control, SslContextSettings data, String host) throws FtpFailure {
        String[] controlProtocols = protocols(control.sslVersion());
        Provider provider = Arrays.asList(controlProtocols).contains(TLS13) ? null : BouncyCastleJsse.PROVIDER;
        if (provider == null) {
            GcmWarmUp.start();
        }
        SSLContext controlContext = context(control, provider);
        SSLContext dataContext = data.authenticatesLike(control) ? controlContext : context(data, provider);
        return new FtpsTls(parameters(controlContext, control, controlProtocols, host),
                parameters(dataContext, data, protocols(data.sslVersion()), host));
    }

    private TlsParameters parameters(SSLContext context, SslContextSettings settings, String[] protocols, String host) {
        SSLParameters permitted = context.getDefaultSSLParameters();
        Set<String> available = Set.of(permitted.getProtocols());
        String[] offered = Arrays.stream(protocols).filter(available::contains).toArray(String[]::new);
        boolean tls13 = offered.length == 0 || Arrays.asList(offered).contains(TLS13);
        boolean nameable = settings.sni() && !host.isEmpty() && !IPAddress.isValid(host);
        return new TlsParameters(context, offered.length > 0 ? offered : null,
                cipherSuites(settings.cipherSuite(), permitted.getCipherSuites(), tls13), settings.secLevel() > 0,
                nameable ? host : null, Duration.ofSeconds(settings.negotiateTime()));
    }

    /** The versions {@code sslversion} names that the JVM permits, or the newest permitted one of "all". */
    private String[] protocols(int sslVersion) {
        Set<String> allowed = Set.of(JvmTls.DEFAULTS.getProtocols());
        String[] requested = profile.text("ssl.sslversion." + sslVersion).trim().split("\\s+");
        String[] offered = Arrays.stream(requested).filter(allowed::contains).toArray(String[]::new);
        if (offered.length > 0) {
            return offered;
        }
        String[] fallback = Arrays.stream(profile.text("ssl.sslversion.4").trim().split("\\s+"))
                .filter(allowed::contains).limit(1).toArray(String[]::new);
        log.warn("sslversion {} ({}) is disabled in this JVM; offering {}", sslVersion, String.join(" ", requested),
                fallback.length > 0 ? fallback[0] : "the JVM's defaults");
        return fallback.length > 0 ? fallback : JvmTls.DEFAULTS.getProtocols();
    }

    /** The suites {@code ciphersuite} names that the JVM permits and the provider has, or null for its defaults. */
    private String[] cipherSuites(int cipherSuite, String[] permitted, boolean tls13) {
        Set<String> jvm = Set.of(JvmTls.DEFAULTS.getCipherSuites());
        Set<String> allowed = Arrays.stream(permitted).filter(jvm::contains).collect(Collectors.toSet());
        Set<String> requested = new LinkedHashSet<>();
        if (cipherSuite == SslContextSettings.ALL_CIPHER_SUITES) {
            modelSuites.stream().filter(code -> code != SslContextSettings.ALL_CIPHER_SUITES)
                    .map(CipherSuites::name).forEach(requested::add);
        } else {
            requested.add(CipherSuites.name(cipherSuite));
        }
        String[] offered = requested.stream().filter(allowed::contains).toArray(String[]::new);
        if (offered.length == 0) {
            log.warn("cipher suites {} are disabled in this JVM; offering its defaults", requested);
            return null;
        }
        if (tls13 && cipherSuite == SslContextSettings.ALL_CIPHER_SUITES) {
            // TLS 1.3 has suites of its own (named without _WITH_); no model lists them.
            return Stream.concat(Arrays.stream(offered), Arrays.stream(permitted)
                    .filter(name -> !name.contains("_WITH_") && allowed.contains(name))).toArray(String[]::new);
        }
        return offered;
    }

    /** {@code provider} null: the JVM's default TLS provider. */
    private SSLContext context(SslContextSettings settings, Provider provider) throws FtpFailure {
        TrustManager trust;
        KeyManager[] keys = null;
        try {
            if (settings.secLevel() == 0) {
                trust = new TrustAll();
            } else {
                trust = new CaTrust(files.certificates("cacert", settings.caCert()), settings.ignoreLocalTime());
            }
            if (settings.secLevel() == 2) {
                keys = clientKeys(settings);
            }
            SSLContext context = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
            context.init(keys, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new FtpFailure(FtpErrors.TLS, 0, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private KeyManager[] clientKeys(SslContextSettings settings) throws FtpFailure, GeneralSecurityException {
        List<X509Certificate> chain = files.certificates("clientcert", settings.clientCert());
        PrivateKey key = files.privateKey("clientkey", settings.clientKey());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("client", key, KEY_PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, KEY_PASSWORD);
        return factory.getKeyManagers();
    }

    /**
     * Bouncy Castle's JSSE provider, created on first use. It logs through java.util.logging, straight to stderr:
     * the security properties it reads (INFO) and a warning for each entry of {@code jdk.tls.disabledAlgorithms} it
     * cannot parse (the JDK's newer entries, which the JDK itself still applies). Both are silenced here; its real
     * warnings still show. The loggers are kept so that their levels are not collected away.
     */
    private static final class BouncyCastleJsse {
        static final List<java.util.logging.Logger> QUIETED = List.of(
                quiet("org.bouncycastle.jsse", java.util.logging.Level.WARNING),
                quiet("org.bouncycastle.jsse.provider.DisabledAlgorithmConstraints", java.util.logging.Level.SEVERE));
        static final Provider PROVIDER = new BouncyCastleJsseProvider();

        private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(level);
            return logger;
        }
    }

    /**
     * The protocol versions and suites the JVM's own TLS enables, found once: what {@code jdk.tls.disabledAlgorithms}
     * leaves, which Bouncy Castle's defaults do not show (it applies the property only during the handshake).
     */
    private static final class JvmTls {
        static final SSLParameters DEFAULTS = defaults();

        private static SSLParameters defaults() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, null);
                return context.getDefaultSSLParameters();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM has no TLS", e);
            }
        }
    }
}
