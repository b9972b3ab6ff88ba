package dev.qmodem.command.ssl;

import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates and keys from PEM files on the module's file system ({@code cacert}, {@code clientcert},
 * {@code clientkey}). Keys may be PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted. Every failure is a 631.
 */
final class PemFiles {

    private final LocalStorage storage;

    PemFiles(LocalStorage storage) {
        this.storage = storage;
    }

    /** Every certificate in the file, in order; at least one. */
    List<X509Certificate> certificates(String parameter, String localName) throws FtpFailure {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = open(parameter, localName)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw unusable(parameter, localName, e);
        }
        if (certificates.isEmpty()) {
            throw unusable(parameter, localName, null);
        }
        return certificates;
    }

    /** The first private key in the file. */
    PrivateKey privateKey(String parameter, String localName) throws FtpFailure {
        try (PEMParser parser = open(parameter, localName)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (IOException e) {
            throw unusable(parameter, localName, e);
        }
        throw unusable(parameter, localName, null);
    }

    private PEMParser open(String parameter, String localName) throws FtpFailure {
        if (localName.isEmpty()) {
            throw new FtpFailure(FtpErrors.TLS, 0, parameter + " is not configured", null);
        }
        try {
            InputStream in = storage.openRead(localName, 0);
            Reader reader = new InputStreamReader(in, StandardCharsets.US_ASCII);
            return new PEMParser(reader);
        } catch (IOException e) {
            throw unusable(parameter, localName, e);
        }
    }

    private static FtpFailure unusable(String parameter, String localName, Exception cause) {
        return new FtpFailure(FtpErrors.TLS, 0, parameter + " " + localName + " holds no usable PEM data", cause);
    }
}
