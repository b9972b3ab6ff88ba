package dev.qmodem.command.ssl;

import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/**
 * {@code seclevel} 1 and 2: the server's chain must lead to a certificate of {@code cacert} (and name the host,
 * which the JDK checks through the socket's endpoint identification). With {@code ignorelocaltime} a chain that
 * fails only on validity dates is checked again as of a moment when every certificate in it was valid, so the
 * dates are ignored and nothing else is.
 */
final class CaTrust extends X509ExtendedTrustManager {

    private final KeyStore anchors;
    private final boolean ignoreValidity;
    private final X509ExtendedTrustManager now;

    CaTrust(List<X509Certificate> caCertificates, boolean ignoreValidity) throws GeneralSecurityException {
        this.anchors = KeyStore.getInstance("PKCS12");
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < caCertificates.size(); i++) {
            anchors.setCertificateEntry("ca" + i, caCertificates.get(i));
        }
        this.ignoreValidity = ignoreValidity;
        this.now = trustManager(null);
    }

    private X509ExtendedTrustManager trustManager(Date validationDate) throws GeneralSecurityException {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
        parameters.setRevocationEnabled(false);
        parameters.setDate(validationDate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            now.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            asOfValidity(chain, e).checkServerTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            now.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            asOfValidity(chain, e).checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            now.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            asOfValidity(chain, e).checkServerTrusted(chain, authType);
        }
    }

    /** The trust manager to retry with when {@code failure} is about dates only and dates are ignored. */
    private X509ExtendedTrustManager asOfValidity(X509Certificate[] chain, CertificateException failure)
            throws CertificateException {
        if (!ignoreValidity || !isAboutDates(failure)) {
            throw failure;
        }
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (X509Certificate certificate : chain) {
            from = Math.max(from, certificate.getNotBefore().getTime());
            to = Math.min(to, certificate.getNotAfter().getTime());
        }
        if (from > to) {
            throw failure;
        }
        try {
            return trustManager(new Date(from + (to - from) / 2));
        } catch (GeneralSecurityException e) {
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static boolean isAboutDates(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return true;
            }
            if (t instanceof CertPathValidatorException v
                    && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        now.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        now.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        now.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return now.getAcceptedIssuers();
    }
}
