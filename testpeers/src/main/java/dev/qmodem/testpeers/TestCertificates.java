package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, written as PEM files into one folder.
 *
 * <p>It holds a CA, a server certificate signed by it (subjectAltName IP:127.0.0.1 and DNS:localhost,
 * so host name verification passes on loopback), a client certificate, an EC server certificate, an
 * expired server certificate and a server certificate from a second CA nobody trusts. Keys are
 * written as PKCS#8 ({@code *-key.pem}) and, for RSA and EC, also in the traditional OpenSSL form
 * ({@code *-key-pkcs1.pem}, {@code ec-server-key-sec1.pem}).
 */
public final class TestCertificates {

    private static final String PASSWORD = "qmodem";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static TestCertificates shared;

    private final Path folder;
    private final X509Certificate ca;
    private final X509Certificate client;
    private final PrivateKey clientKey;

    private TestCertificates(Path folder, X509Certificate ca, X509Certificate client, PrivateKey clientKey) {
        this.folder = folder;
        this.ca = ca;
        this.client = client;
        this.clientKey = clientKey;
    }

    /** One set per JVM, generated on first use into a temporary folder deleted at exit: RSA key generation is slow. */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            Path folder = TempFolders.create("qmodem-certs-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.deleteQuietly(folder)));
            shared = generate(folder);
        }
        return shared;
    }

    /** Generates every key and certificate and writes them into {@code folder} (created if missing). */
    public static TestCertificates generate(Path folder) {
        try {
            Files.createDirectories(folder);
            // vsftpd reads the files after it has dropped root in some code paths.
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Instant now = Instant.now();
            Instant validFrom = now.minus(Duration.ofDays(1));
            Instant validTo = now.plus(Duration.ofDays(3650));

            KeyPair caKeys = rsa();
            X500Name caName = new X500Name("CN=qmodem test CA");
            X509Certificate ca = sign(caName, caKeys, caName, caKeys, validFrom, validTo, Role.CA);
            writePem(folder.resolve("ca.pem"), ca);

            KeyPair serverKeys = rsa();
            X509Certificate server = sign(caName, caKeys, new X500Name("CN=localhost"), serverKeys,
                    validFrom, validTo, Role.SERVER);
            writePem(folder.resolve("server.pem"), server);
            writePkcs8(folder.resolve("server-key.pem"), serverKeys.getPrivate());
            writeTraditional(folder.resolve("server-key-pkcs1.pem"), serverKeys.getPrivate());
            writePem(folder.resolve("server-key-and-cert.pem"), serverKeys.getPrivate(), server);

            KeyPair ecKeys = ec();
            X509Certificate ecServer = sign(caName, caKeys, new X500Name("CN=localhost EC"), ecKeys,
                    validFrom, validTo, Role.SERVER);
            writePem(folder.resolve("ec-server.pem"), ecServer);
            writePkcs8(folder.resolve("ec-server-key.pem"), ecKeys.getPrivate());
            writeTraditional(folder.resolve("ec-server-key-sec1.pem"), ecKeys.getPrivate());

            KeyPair clientKeys = rsa();
            X509Certificate client = sign(caName, caKeys, new X500Name("CN=qmodem test client"), clientKeys,
                    validFrom, validTo, Role.CLIENT);
            writePem(folder.resolve("client.pem"), client);
            writePkcs8(folder.resolve("client-key.pem"), clientKeys.getPrivate());
            writeTraditional(folder.resolve("client-key-pkcs1.pem"), clientKeys.getPrivate());

            KeyPair expiredKeys = rsa();
            X509Certificate expired = sign(caName, caKeys, new X500Name("CN=localhost expired"), expiredKeys,
                    now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), Role.SERVER);
            writePem(folder.resolve("expired-server.pem"), expired);
            writePkcs8(folder.resolve("expired-server-key.pem"), expiredKeys.getPrivate());

            KeyPair otherCaKeys = rsa();
            X500Name otherCaName = new X500Name("CN=untrusted CA");
            X509Certificate otherCa = sign(otherCaName, otherCaKeys, otherCaName, otherCaKeys,
                    validFrom, validTo, Role.CA);
            writePem(folder.resolve("untrusted-ca.pem"), otherCa);
            KeyPair untrustedKeys = rsa();
            X509Certificate untrusted = sign(otherCaName, otherCaKeys, new X500Name("CN=localhost untrusted"),
                    untrustedKeys, validFrom, validTo, Role.SERVER);
            writePem(folder.resolve("untrusted-server.pem"), untrusted);
            writePkcs8(folder.resolve("untrusted-server-key.pem"), untrustedKeys.getPrivate());

            return new TestCertificates(folder, ca, client, clientKeys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path caCertificate() {
        return folder.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return folder.resolve("server.pem");
    }

    /** The server's RSA key in PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public Path serverKey() {
        return folder.resolve("server-key.pem");
    }

    /** The server's RSA key in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
    public Path serverKeyPkcs1() {
        return folder.resolve("server-key-pkcs1.pem");
    }

    /** The server key followed by its certificate in one PEM, the form pure-ftpd's --certfile wants. */
    public Path serverKeyAndCertificate() {
        return folder.resolve("server-key-and-cert.pem");
    }

    public Path ecServerCertificate() {
        return folder.resolve("ec-server.pem");
    }

    /** The EC (P-256) server key in PKCS#8. */
    public Path ecServerKey() {
        return folder.resolve("ec-server-key.pem");
    }

    /** The EC server key in SEC1 ({@code BEGIN EC PRIVATE KEY}). */
    public Path ecServerKeySec1() {
        return folder.resolve("ec-server-key-sec1.pem");
    }

    public Path clientCertificate() {
        return folder.resolve("client.pem");
    }

    public Path clientKey() {
        return folder.resolve("client-key.pem");
    }

    public Path clientKeyPkcs1() {
        return folder.resolve("client-key-pkcs1.pem");
    }

    /** Signed by the CA but valid only until yesterday. */
    public Path expiredServerCertificate() {
        return folder.resolve("expired-server.pem");
    }

    public Path expiredServerKey() {
        return folder.resolve("expired-server-key.pem");
    }

    public Path untrustedCaCertificate() {
        return folder.resolve("untrusted-ca.pem");
    }

    /** Signed by {@link #untrustedCaCertificate()}, which no client of these tests trusts. */
    public Path untrustedServerCertificate() {
        return folder.resolve("untrusted-server.pem");
    }

    public Path untrustedServerKey() {
        return folder.resolve("untrusted-server-key.pem");
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A trust manager that trusts exactly the test CA. */
    public X509TrustManager trustManager() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting the test CA; with {@code presentClientCertificate} it also offers the client certificate. */
    public SSLContext clientContext(boolean presentClientCertificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (presentClientCertificate) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("client", clientKey, PASSWORD.toCharArray(), new X509Certificate[] {client, ca});
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD.toCharArray());
            }
            context.init(keys == null ? null : keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {trustManager()},
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Role { CA, SERVER, CLIENT }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
            Instant notBefore, Instant notAfter, Role role)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                subject, subjectKeys.getPublic());
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        switch (role) {
            case CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case SERVER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            case CLIENT -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void writePkcs8(Path file, PrivateKey key) throws IOException {
        writePem(file, new JcaPKCS8Generator(key, null));
    }

    /** JcaPEMWriter writes a bare private key in the pre-PKCS#8 OpenSSL form: PKCS#1 for RSA, SEC1 for EC. */
    private static void writeTraditional(Path file, PrivateKey key) throws IOException {
        writePem(file, key);
    }

    private static void writePem(Path file, Object... objects) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
    }
}
