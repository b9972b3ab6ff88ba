package dev.qmodem.junit;

/**
 * Where the embedded FTP(S) server of a test listens and how to log in: the arguments of
 * {@code AT+QFTPCFG="account",...} and {@code AT+QFTPOPEN}.
 *
 * @param host            the address the server listens on, {@code 127.0.0.1}
 * @param port            plain FTP
 * @param user            the one user, who may read and write below the root folder
 * @param password        its password
 * @param explicitTlsPort explicit FTPS ({@code AUTH TLS})
 * @param implicitTlsPort implicit FTPS (TLS from the first byte)
 */
public record FtpServerInfo(String host, int port, String user, String password, int explicitTlsPort,
        int implicitTlsPort) {
}
