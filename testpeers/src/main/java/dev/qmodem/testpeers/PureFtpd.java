package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pure-ftpd instance in the foreground on 127.0.0.1, plain or with explicit TLS required on control and
 * data connections ({@code --tls=3}).
 *
 * <p>pure-ftpd is not installed but extracted (see {@link Peers#pureFtpdBinary()}). Each instance has
 * its own virtual user database compiled with {@code pure-pw mkdb}: user {@value #USER}, password
 * {@value #PASSWORD}, mapped to the unix user {@code qmodemftp} and chrooted to {@link #root()}.
 * pure-ftpd greets with a multi-line {@code 220-} banner, refuses {@code AUTH SSL} and, unlike
 * vsftpd, does not demand TLS session reuse on data connections.
 */
public final class PureFtpd extends RunningPeer {

    public static final String USER = "qmodem";
    public static final String PASSWORD = "qmodem";

    /** {@value #PASSWORD} as SHA-512 crypt ({@code openssl passwd -6 -salt qmodemsalt qmodem}). */
    private static final String PASSWORD_SHA512_CRYPT =
            "$6$qmodemsalt$ZtMpoisDWbzEX5ZeXWYqIkdN2mbyGBlkrn.86.JPUbT42cvHdrUE8PaHQSDH7t1XsRbLlR3U72VrKTyyzDMcW.";
    private static final int START_ATTEMPTS = 3;

    private PureFtpd(PeerProcess process, Path instanceFolder, Path root, int port, TestCertificates certificates,
            Duration startupTime) {
        super(process, instanceFolder, root, port, certificates, startupTime, "pure-ftpd.out");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    /** Settings for one pure-ftpd instance. */
    public static final class Builder {

        private boolean explicitTls;
        private Path root;
        private TestCertificates certificates;
        private int passivePortCount = 10;
        private final List<String> extraArguments = new ArrayList<>();

        private Builder() {
        }

        /** Requires {@code AUTH TLS} before login and TLS on every data connection. */
        public Builder explicitTls(boolean explicitTls) {
            this.explicitTls = explicitTls;
            return this;
        }

        /** Serves this folder (its owner becomes the FTP user); by default a new folder the instance deletes. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** The certificates to present; by default {@link TestCertificates#shared()}. */
        public Builder certificates(TestCertificates certificates) {
            this.certificates = certificates;
            return this;
        }

        public Builder passivePortCount(int count) {
            this.passivePortCount = count;
            return this;
        }

        /** Any further pure-ftpd argument, e.g. {@code "--maxidletime=1"}. */
        public Builder argument(String argument) {
            extraArguments.add(argument);
            return this;
        }

        /**
         * Creates the user database, launches pure-ftpd and returns once it greets with 220.
         *
         * @throws IllegalStateException if pure-ftpd does not come up (the message carries its output)
         */
        public PureFtpd start() {
            TestCertificates pki = explicitTls ? (certificates != null ? certificates : TestCertificates.shared()) : null;
            Path instance = TempFolders.create("qmodem-pure-ftpd-");
            try {
                Path served = root == null ? instance.resolve("root") : root;
                Files.createDirectories(served);
                UnixAccounts.giveToFtpUser(served);
                Path userDatabase = createUserDatabase(instance, served);
                String failures = "";
                for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                    int port = LoopbackPorts.freeRun(passivePortCount + 1);
                    long launched = System.nanoTime();
                    PeerProcess process = PeerProcess.start(command(instance, userDatabase, port, pki),
                            instance.resolve("pure-ftpd.out"));
                    if (Greeting.await(process, "127.0.0.1", port, null)) {
                        return new PureFtpd(process, instance, served, port, pki,
                                Duration.ofNanos(System.nanoTime() - launched));
                    }
                    failures += "\nattempt " + attempt + " on port " + port + ":\n" + process.logTail();
                    process.close();
                }
                TempFolders.deleteQuietly(instance);
                throw new IllegalStateException("pure-ftpd did not start" + failures);
            } catch (IOException e) {
                TempFolders.deleteQuietly(instance);
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                TempFolders.deleteQuietly(instance);
                throw new IllegalStateException("interrupted while starting pure-ftpd", e);
            }
        }

        /**
         * Writes the passwd file ourselves and lets {@code pure-pw mkdb} compile it: {@code pure-pw useradd}
         * hashes with argon2id at t=1023, which makes every login take seconds.
         */
        private static Path createUserDatabase(Path instance, Path served) throws IOException {
            int[] ids = UnixAccounts.ftpUserIds();
            Path passwd = instance.resolve("pureftpd.passwd");
            Files.writeString(passwd, USER + ":" + PASSWORD_SHA512_CRYPT + ":" + ids[0] + ":" + ids[1]
                    + "::" + served + "/./::::::::::::\n");
            Path database = instance.resolve("pureftpd.pdb");
            int exitCode = Commands.run(List.of(Peers.purePwBinary().toString(), "mkdb", database.toString(),
                    "-f", passwd.toString()), null);
            Commands.check(exitCode, "pure-pw mkdb");
            return database;
        }

        private List<String> command(Path instance, Path userDatabase, int port, TestCertificates pki) {
            List<String> command = new ArrayList<>(List.of(
                    Peers.pureFtpdBinary().toString(),
                    "--bind=127.0.0.1," + port,
                    "--chrooteveryone",
                    "--noanonymous",
                    "--login=puredb:" + userDatabase,
                    "--dontresolve",
                    "--passiveportrange=" + (port + 1) + ":" + (port + passivePortCount),
                    "--forcepassiveip=127.0.0.1",
                    "--pidfile=" + instance.resolve("pure-ftpd.pid"),
                    "--altlog=clf:" + instance.resolve("transfer.log")));
            if (pki != null) {
                command.add("--tls=3");
                command.add("--certfile=" + pki.serverKeyAndCertificate());
            }
            command.addAll(extraArguments);
            return command;
        }
    }
}
