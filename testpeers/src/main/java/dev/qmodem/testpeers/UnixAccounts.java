package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unix accounts the FTP peers log in as: {@value #USER} with password {@value #PASSWORD},
 * home {@code /home/qmodemftp}, shell {@code /bin/bash}, uid chosen by useradd (at least 1000 on
 * Debian, which pure-ftpd requires); and {@link #MANY_LOGINS} for load runs. Created on first use when
 * missing; we run as root.
 */
final class UnixAccounts {

    static final String USER = "qmodemftp";
    static final String PASSWORD = "qmodem";

    /**
     * A unix account and how its password is hashed: {@code hashMethod} is a {@code chpasswd -c} method, or null for
     * the system's default.
     */
    record Account(String user, String password, String hashMethod) {
    }

    /** The test user, its password hashed as the system does any user's (yescrypt on Debian 12). */
    static final Account FTP = new Account(USER, PASSWORD, null);
    /**
     * The user of load runs: Debian's yescrypt costs a server 120 ms of CPU per login, 3,000 logins six minutes of
     * a core; SHA-512 crypt costs 2 ms, as a server built for thousands of device logins is configured. Its own
     * account, so that the test user's password, which every test JVM sets again, cannot change its hash mid-run.
     */
    static final Account MANY_LOGINS = new Account("qmodemload", PASSWORD, "SHA512");
    /** A PAM service of our own: Debian's vsftpd service adds pam_shells and /etc/ftpusers checks. */
    static final String PAM_SERVICE = "qmodem-vsftpd";

    private static final Path PAM_FILE = Path.of("/etc/pam.d", PAM_SERVICE);
    private static final String PAM_CONTENT = """
            # Written by qmodem's test peers: plain password login for the FTP test user.
            @include common-auth
            @include common-account
            @include common-session
            """;

    private static final Set<Account> ready = new HashSet<>();

    private UnixAccounts() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the test user and the PAM service if needed, and (once per JVM) sets the known password. */
    static void ensureFtpUser() {
        ensure(FTP);
    }

    /** Creates the account and the PAM service if needed, and (once per JVM) sets the account's password. */
    static synchronized void ensure(Account account) {
        if (ready.contains(account)) {
            return;
        }
        try {
            if (!exists(account.user())) {
                int created = Commands.run(List.of("useradd", "--create-home", "--home-dir", "/home/" + account.user(),
                        "--shell", "/bin/bash", account.user()), null);
                // Another test JVM may have created it at the same moment.
                if (created != 0 && !exists(account.user())) {
                    throw new IOException("useradd " + account.user() + " failed with exit code " + created);
                }
            }
            Files.createDirectories(Path.of("/home", account.user()));
            setPassword(account);
            if (!Files.exists(PAM_FILE) || !Files.readString(PAM_FILE).equals(PAM_CONTENT)) {
                Files.writeString(PAM_FILE, PAM_CONTENT);
            }
            ready.add(account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(String user) throws IOException {
        return Commands.run(List.of("id", "-u", user), null) == 0;
    }

    /** chpasswd fails while another process holds the shadow file's lock, so it gets a few tries. */
    private static void setPassword(Account account) throws IOException {
        List<String> command = account.hashMethod() == null ? List.of("chpasswd")
                : List.of("chpasswd", "--crypt-method", account.hashMethod());
        int exitCode = -1;
        for (int attempt = 0; attempt < 5 && exitCode != 0; attempt++) {
            exitCode = Commands.run(command, account.user() + ":" + account.password() + "\n");
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
        giveTo(FTP, folder);
    }

    /** Makes the account the owner of {@code folder} (or a file) so that uploads, renames and deletes succeed. */
    static void giveTo(Account account, Path folder) {
        ensure(account);
        try {
            UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, lookup.lookupPrincipalByName(account.user()));
            Files.getFileAttributeView(folder, PosixFileAttributeView.class)
                    .setGroup(lookup.lookupPrincipalByGroupName(account.user()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
