package dev.qmodem.command.ssl;

import dev.qmodem.ftp.TlsParameters;

/** The TLS of an FTPS session: the control connection's ({@code sslctxid}) and the data connection's. */
public record FtpsTls(TlsParameters control, TlsParameters data) {
}
