package dev.qmodem.ftp;

/** The directory listing commands a session can run over a data connection. */
public enum ListingKind {
    /** Server-formatted long listing. */
    LIST,
    /** Bare names, one per line. */
    NLST,
    /** Machine-readable facts per entry (RFC 3659). */
    MLSD
}
