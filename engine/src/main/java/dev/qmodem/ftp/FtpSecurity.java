package dev.qmodem.ftp;

/** How the control and data connections are protected: {@code ssltype} 0, 1 (implicit) or 2 (explicit, AUTH TLS). */
public enum FtpSecurity {
    NONE,
    IMPLICIT_TLS,
    EXPLICIT_TLS
}
