package dev.qmodem.profile;

/** The byte lengths of the FTP(S) commands' string parameters ({@code ftp.limit.*}). */
public record FtpLimits(int username, int password, int hostname, int file, int path, int local) {
}
