package dev.qmodem.ftp;

import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.time.Duration;

/**
 * Commons Net's control-connection codec, bent to the session's needs: AUTH TLS only when asked for, a failed
 * AUTH reported with its reply code, TLS on the control connection and on data sockets layered by
 * {@link TlsSockets} (FTPSClient's own negotiation has no handshake deadline or SNI choice, and its PROT P
 * factories create data sockets that can never resume the control session).
 */
final class FtpWire extends FTPSClient {

    private final FtpSecurity security;
    private final TlsParameters controlTls;
    private final TlsParameters dataTls;
    private Socket plainControl;
    private volatile Socket upload;

    FtpWire(FtpSettings settings) {
        super(settings.security() == FtpSecurity.IMPLICIT_TLS,
                settings.security() == FtpSecurity.NONE ? null : settings.controlTls().context());
        this.security = settings.security();
        this.controlTls = settings.controlTls();
        this.dataTls = settings.security() == FtpSecurity.NONE ? null : settings.effectiveDataTls();
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
        if (security == FtpSecurity.NONE) {
            return;
        }
        plainControl = _socket_;
        SSLSocket tls = TlsSockets.control(controlTls, plainControl, _hostname_);
        _socket_ = tls;
        _controlInput_ = new BufferedReader(new InputStreamReader(tls.getInputStream(), getControlEncoding()));
        _controlOutput_ = new BufferedWriter(new OutputStreamWriter(tls.getOutputStream(), getControlEncoding()));
    }

    @Override
    public void disconnect() throws IOException {
        try {
            super.disconnect();
        } finally {
            if (plainControl != null) {
                FtpSession.closeQuietly(plainControl);
                plainControl = null;
            }
        }
    }

    /**
     * Sends {@code command} (after REST when a restart offset is set) and returns the connected data socket,
     * TLS-protected when the session is FTPS, or null when a reply refused it ({@link #getReplyCode()} says which).
     */
    Socket openData(String command, String argument) throws IOException {
        Socket plain = _openDataConnection_(command, argument);
        Socket data = plain == null || dataTls == null ? plain
                : TlsSockets.data(dataTls, plain, _hostname_, (SSLSocket) _socket_);
        upload = command.equals("STOR") ? data : null;
        return data;
    }

    /** Closes a data socket {@link #openData} returned; an upload's so that the TLS session stays resumable. */
    void closeData(Socket data, Duration limit) {
        if (data == upload) {
            upload = null;
            TlsSockets.closeUpload(data, limit);
        } else {
            FtpSession.closeQuietly(data);
        }
    }
}
