package dev.qmodem.ftpserver;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ftpserver.ssl.ClientAuth;
import org.apache.ftpserver.ssl.SslConfiguration;

/**
 * Hands FtpServer a ready TLS context. FtpServer's own factory insists on a key store file; ours
 * comes from PEM. Protocols and cipher suites stay the JDK's defaults (TLS 1.3 and 1.2), where
 * FtpServer's factory would pin TLS 1.2.
 */
final class LoopbackSslConfiguration implements SslConfiguration {

    private final SSLContext context;

    LoopbackSslConfiguration(SSLContext context) {
        this.context = context;
    }

    @Override
    public SSLSocketFactory getSocketFactory() {
        return context.getSocketFactory();
    }

    @Override
    public SSLContext getSSLContext() {
        return context;
    }

    @Override
    public SSLContext getSSLContext(String protocol) {
        return context;
    }

    /** Null: FtpServer then leaves the JDK's defaults in place. */
    @Override
    public String[] getEnabledCipherSuites() {
        return null;
    }

    @Override
    public String getEnabledProtocol() {
        return null;
    }

    /** Null: FtpServer then leaves the JDK's defaults in place. */
    @Override
    public String[] getEnabledProtocols() {
        return null;
    }

    @Override
    public ClientAuth getClientAuth() {
        return ClientAuth.NONE;
    }
}
