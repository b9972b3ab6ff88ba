package dev.qmodem.ftpserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded server's TLS identity: a self-signed EC P-256 certificate for 127.0.0.1 and localhost.
 *
 * <p>Made with Bouncy Castle on first start and kept in the data folder as {@value #CERTIFICATE_FILE}
 * (for clients to trust) and {@value #KEY_FILE} (unencrypted PKCS#8, mode 600); later starts reuse
 * both, so a client that trusts the certificate keeps working. PEM rather than a PKCS#12 key store
 * because a cold JVM spends hundreds of milliseconds on a key store's password-based encryption,
 * and startup time counts towards {@code qmodem serve} being ready.
 */
final class ServerCertificate {

    static final String CERTIFICATE_FILE = "ftps-certificate.pem";
    static final String KEY_FILE = "ftps-key.pem";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Path certificateFile;

    private ServerCertificate(X509Certificate certificate, PrivateKey key, Path certificateFile) {
        this.certificate = certificate;
        this.key = key;
        this.certificateFile = certificateFile;
    }

    /** Reads the identity from {@code dataFolder}, creating it first if either file is missing. */
    static ServerCertificate loadOrCreate(Path dataFolder) {
        Path certificateFile = dataFolder.resolve(CERTIFICATE_FILE);
        Path keyFile = dataFolder.resolve(KEY_FILE);
        try {
            if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
                create(dataFolder, certificateFile, keyFile);
            }
            return new ServerCertificate(readCertificate(certificateFile), readKey(keyFile), certificateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the FTPS certificate in " + dataFolder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("unusable FTPS certificate in " + dataFolder, e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    Path certificateFile() {
        return certificateFile;
    }

    /** A server-side TLS context presenting this certificate. */
    SSLContext sslContext() {
        try {
            char[] transientPassword = new char[0];
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setKeyEntry("ftps", key, transientPassword, new X509Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, transientPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the FTPS TLS context", e);
        }
    }

    private static void create(Path dataFolder, Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Files.createDirectories(dataFolder);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        // EC rather than RSA: a P-256 key takes a millisecond to make, an RSA-2048 key up to a second.
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate self = selfSign(keys);
        // Written under temporary names and moved, so that a crash never leaves half a pair to reuse.
        Path keyTmp = Files.createTempFile(dataFolder, KEY_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        writePem(keyTmp, new JcaPKCS8Generator(keys.getPrivate(), null));
        Path certificateTmp = Files.createTempFile(dataFolder, CERTIFICATE_FILE, ".tmp");
        writePem(certificateTmp, self);
        Files.move(keyTmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(certificateTmp, certificateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate selfSign(KeyPair keys)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=qmodem embedded FTP server");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Reads the PKCS#8 PEM with the JDK alone: loading Bouncy Castle's parser classes costs startup time. */
    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
