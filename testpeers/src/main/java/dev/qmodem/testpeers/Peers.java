package dev.qmodem.testpeers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real FTP servers live, and the gate a test passes before starting one.
 *
 * <p>{@code scripts/install-peers.sh} installs vsftpd as a Debian package ({@code /usr/sbin/vsftpd})
 * and extracts pure-ftpd to {@code /opt/qmodem-peers/pure-ftpd}. Override with the environment
 * variables {@code QMODEM_VSFTPD} (the vsftpd binary) and {@code QMODEM_PEERS_DIR} (the folder
 * holding {@code pure-ftpd/usr/sbin/pure-ftpd}), or the system properties {@code qmodem.vsftpd} and
 * {@code qmodem.peers.dir}.
 *
 * <p>A missing peer skips the test, except with {@code CI=true}, where it fails: CI must never go
 * green by skipping the real-server tests.
 */
public final class Peers {

    private static final String INSTALL_HINT = "run scripts/install-peers.sh as root";

    private Peers() {
    }

    public static Path vsftpdBinary() {
        return Path.of(setting("qmodem.vsftpd", "QMODEM_VSFTPD", "/usr/sbin/vsftpd"));
    }

    public static Path pureFtpdHome() {
        return Path.of(setting("qmodem.peers.dir", "QMODEM_PEERS_DIR", "/opt/qmodem-peers")).resolve("pure-ftpd");
    }

    public static Path pureFtpdBinary() {
        return pureFtpdHome().resolve("usr/sbin/pure-ftpd");
    }

    static Path purePwBinary() {
        return pureFtpdHome().resolve("usr/bin/pure-pw");
    }

    /** Skips (or, on CI, fails) the calling test unless vsftpd can be started here. */
    public static void requireVsftpd() {
        require("vsftpd", vsftpdBinary());
    }

    /** Skips (or, on CI, fails) the calling test unless pure-ftpd can be started here. */
    public static void requirePureFtpd() {
        require("pure-ftpd", pureFtpdBinary());
    }

    /** Hands a file or folder a test placed in a peer's root to the FTP user, so the server may change it. */
    public static void giveToFtpUser(Path placed) {
        UnixAccounts.giveToFtpUser(placed);
    }

    private static void require(String name, Path binary) {
        String problem = null;
        if (!Files.isExecutable(binary)) {
            problem = name + " not found at " + binary + ": " + INSTALL_HINT;
        } else if (!UnixAccounts.runningAsRoot()) {
            problem = name + " tests need root (they create the FTP user and bind as root)";
        }
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(problem + " (CI=true: a missing peer is a failure, not a skip)");
        }
        Assumptions.abort(problem);
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
