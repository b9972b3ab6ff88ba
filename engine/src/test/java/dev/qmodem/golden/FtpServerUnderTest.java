package dev.qmodem.golden;

import java.nio.file.Path;

/**
 * A real FTP server a golden transcript runs against: where it listens, the account, and the folder it serves as
 * {@code /} (so the test can place and inspect files).
 */
public interface FtpServerUnderTest extends AutoCloseable {

    String name();

    int port();

    String user();

    String password();

    Path root();

    /** Makes a file or folder the test placed in {@link #root()} usable by the server's user. */
    default void grant(Path placed) throws Exception {
    }

    @Override
    void close() throws Exception;
}
