package dev.qmodem.testpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestCertificatesTest {

    @TempDir
    Path folder;

    @Test
    void writesAChainThatVerifiesAndTheBrokenOnesThatDoNot() throws Exception {
        TestCertificates pki = TestCertificates.generate(folder);

        X509Certificate server = read(pki.serverCertificate());
        server.verify(pki.ca().getPublicKey());
        server.checkValidity();
        assertThat(server.getSubjectAlternativeNames())
                .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
        pki.trustManager().checkServerTrusted(new X509Certificate[] {server}, "RSA");

        read(pki.clientCertificate()).verify(pki.ca().getPublicKey());
        read(pki.ecServerCertificate()).verify(pki.ca().getPublicKey());
        assertThatThrownBy(() -> read(pki.expiredServerCertificate()).checkValidity())
                .isInstanceOf(CertificateExpiredException.class);
        X509Certificate untrusted = read(pki.untrustedServerCertificate());
        assertThatThrownBy(() -> pki.trustManager().checkServerTrusted(new X509Certificate[] {untrusted}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void writesKeysInEachPemForm() throws IOException {
        TestCertificates pki = TestCertificates.generate(folder);

        assertThat(Files.readString(pki.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(pki.serverKeyPkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(pki.clientKeyPkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(pki.ecServerKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(pki.ecServerKeySec1())).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(Files.readString(pki.serverKeyAndCertificate()))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
    }

    private static X509Certificate read(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
