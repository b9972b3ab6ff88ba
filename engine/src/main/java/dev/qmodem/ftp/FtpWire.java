package dev.qmodem.ftp;

import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;

/**
 * Commons Net's control-connection codec, bent to the session's needs: AUTH TLS only when asked for, a failed
 * AUTH reported with its reply code, and data sockets that stay plain until {@link #openData} layers TLS on
 * them itself (FTPSClient's own PROT P factories create data sockets that can never resume the control session).
 */
final class FtpWire extends FTPSClient {

    private final FtpSecurity security;
    private final TlsParameters dataTls;

    FtpWire(FtpSettings settings) {
        super(settings.security() == FtpSecurity.IMPLICIT_TLS,
                settings.security() == FtpSecurity.NONE ? null : settings.controlTls().context());
        this.security = settings.security();
        this.dataTls = settings.security() == FtpSecurity.NONE ? null : settings.effectiveDataTls();
        if (settings.controlTls() != null) {
            TlsParameters control = settings.controlTls();
            if (control.protocols() != null) {
                setEnabledProtocols(control.protocols());
            }
            if (control.cipherSuites() != null) {
                setEnabledCipherSuites(control.cipherSuites());
            }
            setEndpointCheckingEnabled(control.verifyHostname());
        }
    }

    @Override
    protected void execAUTH() throws IOException {
        if (security != FtpSecurity.EXPLICIT_TLS) {
            return;
        }
        int reply = sendCommand("AUTH", "TLS");
        if (reply != FTPReply.SECURITY_DATA_EXCHANGE_COMPLETE) {
            throw FtpErrors.fromReply(reply, getReplyString());
        }
    }

    @Override
    protected void sslNegotiation() throws IOException {
        if (security != FtpSecurity.NONE) {
            super.sslNegotiation();
        }
    }

    /**
     * Sends {@code command} (after REST when a restart offset is set) and returns the connected data socket,
     * TLS-protected when the session is FTPS, or null when a reply refused it ({@link #getReplyCode()} says which).
     */
    Socket openData(String command, String argument) throws IOException {
        Socket plain = _openDataConnection_(command, argument);
        if (plain == null || dataTls == null) {
            return plain;
        }
        try {
            // Layered on the control connection's host and port, the socket finds the control session in the
            // context's client cache and resumes it, which vsftpd's require_ssl_reuse demands.
            SSLSocket tls = (SSLSocket) dataTls.context().getSocketFactory()
                    .createSocket(new ControlPortSocket(plain, getRemotePort()), _hostname_, getRemotePort(), true);
            tls.setUseClientMode(true);
            SSLParameters parameters = tls.getSSLParameters();
            if (dataTls.protocols() != null) {
                parameters.setProtocols(dataTls.protocols());
            }
            if (dataTls.cipherSuites() != null) {
                parameters.setCipherSuites(dataTls.cipherSuites());
            }
            if (dataTls.verifyHostname()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
