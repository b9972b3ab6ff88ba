package dev.qmodem.command.ssl;

import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.TlsParameters;
import dev.qmodem.profile.ModelProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the JSSE side of an FTPS session from SSL context snapshots: trust by {@code seclevel} and
 * {@code cacert}, a client key for {@code seclevel} 2, protocols by {@code sslversion}, suites by
 * {@code ciphersuite}.
 * <p>
 * What the JVM forbids ({@code jdk.tls.disabledAlgorithms}: SSL 3.0, TLS 1.0/1.1, RSA key exchange, RC4, 3DES
 * on a current JDK) cannot be allowed for one connection. A request only for forbidden protocols is served with
 * the newest the model knows that the JVM permits (TLS 1.2), and one only for forbidden suites with the JVM's
 * default suites, each logged; a JVM whose security properties permit them gets exactly what was asked.
 */
public final class TlsFactory {

    private static final Logger log = LoggerFactory.getLogger(TlsFactory.class);
    private static final char[] KEY_PASSWORD = "qmodem".toCharArray();

    private final PemFiles files;
    private final ModelProfile profile;
    private final List<Integer> modelSuites;

    public TlsFactory(LocalStorage storage, ModelProfile profile, SslConfig config) {
        this.files = new PemFiles(storage);
        this.profile = profile;
        this.modelSuites = config.cipherSuites();
    }

    /**
     * The control and data connections' TLS. They share one {@link SSLContext}, and so one session cache, when
     * the two contexts authenticate alike, which lets the data connection resume the control session (vsftpd's
     * {@code require_ssl_reuse}); contexts with different trust or keys get separate ones and cannot resume.
     *
     * @throws FtpFailure 631 when a certificate or key file is missing or unusable
     */
    public FtpsTls build(SslContextSettings control, SslContextSettings data) throws FtpFailure {
        SSLContext controlContext = context(control);
        SSLContext dataContext = data.authenticatesLike(control) ? controlContext : context(data);
        return new FtpsTls(parameters(controlContext, control), parameters(dataContext, data));
    }

    private TlsParameters parameters(SSLContext context, SslContextSettings settings) {
        SSLParameters permitted = context.getDefaultSSLParameters();
        return new TlsParameters(context, protocols(settings.sslVersion(), permitted.getProtocols()),
                cipherSuites(settings.cipherSuite(), permitted.getCipherSuites()), settings.secLevel() > 0);
    }

    private String[] protocols(int sslVersion, String[] permitted) {
        Set<String> allowed = Set.of(permitted);
        String[] requested = profile.text("ssl.sslversion." + sslVersion).trim().split("\\s+");
        String[] offered = Arrays.stream(requested).filter(allowed::contains).toArray(String[]::new);
        if (offered.length > 0) {
            return offered;
        }
        String[] fallback = Arrays.stream(profile.text("ssl.sslversion.4").trim().split("\\s+"))
                .filter(allowed::contains).limit(1).toArray(String[]::new);
        log.warn("sslversion {} ({}) is disabled in this JVM; offering {}", sslVersion, String.join(" ", requested),
                fallback.length > 0 ? fallback[0] : "the JVM's defaults");
        return fallback.length > 0 ? fallback : null;
    }

    private String[] cipherSuites(int cipherSuite, String[] permitted) {
        Set<String> allowed = Set.of(permitted);
        Set<String> requested = new LinkedHashSet<>();
        if (cipherSuite == SslContextSettings.ALL_CIPHER_SUITES) {
            modelSuites.stream().filter(code -> code != SslContextSettings.ALL_CIPHER_SUITES)
                    .map(CipherSuites::name).forEach(requested::add);
            // TLS 1.3, which sslversion 4 offers, has suites of its own (named without _WITH_).
            Arrays.stream(permitted).filter(name -> !name.contains("_WITH_")).forEach(requested::add);
        } else {
            requested.add(CipherSuites.name(cipherSuite));
        }
        String[] offered = requested.stream().filter(allowed::contains).toArray(String[]::new);
        if (offered.length > 0) {
            return offered;
        }
        log.warn("cipher suites {} are disabled in this JVM; offering its defaults", requested);
        return null;
    }

    private SSLContext context(SslContextSettings settings) throws FtpFailure {
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
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, null);
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
}
