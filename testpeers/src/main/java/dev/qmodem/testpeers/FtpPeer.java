package dev.qmodem.testpeers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A running FTP server on loopback that a test logs in to; closing it stops the server and its children. */
public interface FtpPeer extends AutoCloseable {

    /** Always {@code 127.0.0.1}. */
    String host();

    /** The control port (for implicit FTPS, the port that expects TLS at once). */
    int port();

    String user();

    String password();

    /** The folder a logged-in user sees as {@code /}; files placed here can be downloaded. */
    Path root();

    /** The certificates the server presents, when it speaks TLS. */
    Optional<TestCertificates> certificates();

    /** The server's own log (vsftpd log or pure-ftpd output), for diagnosing a failed test. */
    Path log();

    /** From launching the process to the 220 greeting. */
    Duration startupTime();

    @Override
    void close();
}
