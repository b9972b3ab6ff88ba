package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;

/**
 * The one unix account the FTP peers log in as: {@value #USER} with password {@value #PASSWORD},
 * home {@code /home/qmodemftp}, shell {@code /bin/bash}, uid chosen by useradd (at least 1000 on
 * Debian, which pure-ftpd requires). Created on first use when missing; we run as root.
 */
final class UnixAccounts {

    static final String USER = "qmodemftp";
    static final String PASSWORD = "qmodem";
    /** A PAM service of our own: Debian's vsftpd service adds pam_shells and /etc/ftpusers checks. */
    static final String PAM_SERVICE = "qmodem-vsftpd";

    private static final Path PAM_FILE = Path.of("/etc/pam.d", PAM_SERVICE);
    private static final String PAM_CONTENT = """
            # Written by qmodem's test peers: plain password login for the FTP test user.
            @include common-auth
            @include common-account
            @include common-session
            """;

    private static boolean ready;

    private UnixAccounts() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the user and the PAM service if needed, and (once per JVM) sets the known password. */
    static synchronized void ensureFtpUser() {
        if (ready) {
            return;
        }
        try {
            if (!exists()) {
                int created = Commands.run(List.of("useradd", "--create-home", "--home-dir", "/home/" + USER,
                        "--shell", "/bin/bash", USER), null);
                // Another test JVM may have created it at the same moment.
                if (created != 0 && !exists()) {
                    throw new IOException("useradd " + USER + " failed with exit code " + created);
                }
            }
            Files.createDirectories(Path.of("/home", USER));
            setPassword();
            if (!Files.exists(PAM_FILE) || !Files.readString(PAM_FILE).equals(PAM_CONTENT)) {
                Files.writeString(PAM_FILE, PAM_CONTENT);
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists() throws IOException {
        return Commands.run(List.of("id", "-u", USER), null) == 0;
    }

    /** chpasswd fails while another process holds the shadow file's lock, so it gets a few tries. */
    private static void setPassword() throws IOException {
        int exitCode = -1;
        for (int attempt = 0; attempt < 5 && exitCode != 0; attempt++) {
            exitCode = Commands.run(List.of("chpasswd"), USER + ":" + PASSWORD + "\n");
        }
        Commands.check(exitCode, "chpasswd");
    }

    /** Numeric uid and gid of the FTP user, for pure-ftpd's virtual user. */
    static int[] ftpUserIds() {
        ensureFtpUser();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[0].equals(USER)) {
                    return new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])};
                }
            }
            throw new IllegalStateException(USER + " is missing from /etc/passwd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the FTP user the owner of {@code folder} (or a file) so that uploads, renames and deletes succeed. */
    static void giveToFtpUser(Path folder) {
        ensureFtpUser();
        try {
            UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, lookup.lookupPrincipalByName(USER));
            Files.getFileAttributeView(folder, PosixFileAttributeView.class)
                    .setGroup(lookup.lookupPrincipalByGroupName(USER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
