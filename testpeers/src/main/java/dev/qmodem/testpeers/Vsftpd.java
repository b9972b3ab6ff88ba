package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A vsftpd instance in the foreground on 127.0.0.1 with its own config file, root folder, ports and logs.
 *
 * <pre>{@code
 * Peers.requireVsftpd();
 * try (Vsftpd ftp = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).start()) {
 *     client.connect(ftp.host(), ftp.port());
 *     client.login(ftp.user(), ftp.password());
 * }
 * }</pre>
 *
 * <p>Users log in as the local unix user {@code qmodemftp} (created on first use), chrooted to
 * {@link #root()}. Passive ports come from a per-instance range; active mode is allowed and vsftpd
 * connects from an unprivileged port. With TLS every login and data connection must be protected,
 * and by default the data connection must resume the control connection's TLS session
 * ({@code require_ssl_reuse=YES}), as on many production servers.
 */
public final class Vsftpd extends RunningPeer {

    /** How the server speaks TLS. */
    public enum Tls {
        NONE,
        /** {@code AUTH TLS} on the control port, required before login and for data. */
        EXPLICIT,
        /** TLS from the first byte on the control port. */
        IMPLICIT
    }

    private static final String SECURE_CHROOT_DIR = "/var/run/vsftpd/empty";
    private static final int START_ATTEMPTS = 3;

    private final int firstPassivePort;
    private final int passivePortCount;
    private final UnixAccounts.Account account;

    private Vsftpd(PeerProcess process, Path instanceFolder, Path root, int port, int firstPassivePort,
            int passivePortCount, TestCertificates certificates, Duration startupTime, UnixAccounts.Account account) {
        super(process, instanceFolder, root, port, certificates, startupTime, "vsftpd.log");
        this.firstPassivePort = firstPassivePort;
        this.passivePortCount = passivePortCount;
        this.account = account;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String user() {
        return account.user();
    }

    @Override
    public String password() {
        return account.password();
    }

    /** The first port of this instance's passive range. */
    public int firstPassivePort() {
        return firstPassivePort;
    }

    public int lastPassivePort() {
        return firstPassivePort + passivePortCount - 1;
    }

    /** Settings for one vsftpd instance; {@link #start()} may be called more than once. */
    public static final class Builder {

        private Tls tls = Tls.NONE;
        private boolean requireClientCertificate;
        private boolean requireSslReuse = true;
        private Path root;
        private TestCertificates certificates;
        private int passivePortCount = 10;
        private UnixAccounts.Account account = UnixAccounts.FTP;
        private boolean priorityListener;
        private final Map<String, String> extraOptions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder tls(Tls tls) {
            this.tls = tls;
            return this;
        }

        /** Demands a client certificate signed by the test CA ({@code require_cert}, {@code validate_cert}). */
        public Builder requireClientCertificate(boolean require) {
            this.requireClientCertificate = require;
            return this;
        }

        /** Whether data connections must resume the control connection's TLS session; default true. */
        public Builder requireSslReuse(boolean require) {
            this.requireSslReuse = require;
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

        /**
         * Logs in a user of its own whose password hash costs the server 2 ms of CPU (SHA-512 crypt) instead of the
         * test user's 120 ms (Debian's yescrypt): for thousands of logins, as a server built for devices is set up.
         */
        public Builder manyLogins() {
            this.account = UnixAccounts.MANY_LOGINS;
            return this;
        }

        /**
         * Runs the listener at round-robin priority and its sessions as ordinary processes ({@code SCHED_RESET_ON_FORK};
         * systemd's {@code CPUSchedulingPolicy=rr} with {@code CPUSchedulingResetOnFork=yes}), so that a thousand busy
         * sessions cannot starve its accept loop. vsftpd's listen backlog is fixed at 32; once it overflows, Linux's
         * SYN cookies leave a client connected to a server that never saw it, waiting for a greeting that does not
         * come. Needs root.
         */
        public Builder priorityListener() {
            this.priorityListener = true;
            return this;
        }

        public Builder passivePortCount(int count) {
            this.passivePortCount = count;
            return this;
        }

        /** Any further vsftpd.conf line, e.g. {@code option("idle_session_timeout", "5")}; wins over defaults. */
        public Builder option(String key, String value) {
            extraOptions.put(key, value);
            return this;
        }

        /**
         * Writes the config, launches vsftpd and returns once it greets with 220.
         *
         * @throws IllegalStateException if vsftpd does not come up (the message carries its log)
         */
        public Vsftpd start() {
            UnixAccounts.ensure(account);
            TestCertificates pki = tls == Tls.NONE && !requireClientCertificate ? null
                    : certificates != null ? certificates : TestCertificates.shared();
            Path instance = TempFolders.create("qmodem-vsftpd-");
            try {
                Files.createDirectories(Path.of(SECURE_CHROOT_DIR));
                Path served = root == null ? instance.resolve("root") : root;
                Files.createDirectories(served);
                UnixAccounts.giveTo(account, served);
                String failures = "";
                for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                    int firstPort = LoopbackPorts.freeRun(passivePortCount + 1);
                    int port = firstPort;
                    int firstPassive = firstPort + 1;
                    Path config = instance.resolve("vsftpd.conf");
                    Files.writeString(config, config(instance, served, port, firstPassive, pki));
                    long launched = System.nanoTime();
                    PeerProcess process = PeerProcess.start(command(config), instance.resolve("vsftpd.out"));
                    boolean up = Greeting.await(process, "127.0.0.1", port,
                            tls == Tls.IMPLICIT ? pki.clientContext(true) : null);
                    if (up) {
                        return new Vsftpd(process, instance, served, port, firstPassive, passivePortCount,
                                pki, Duration.ofNanos(System.nanoTime() - launched), account);
                    }
                    failures += "\nattempt " + attempt + " on port " + port + ":\n" + process.logTail()
                            + "\n" + PeerProcess.tail(instance.resolve("vsftpd.log"));
                    process.close();
                }
                TempFolders.deleteQuietly(instance);
                throw new IllegalStateException("vsftpd did not start" + failures);
            } catch (IOException e) {
                TempFolders.deleteQuietly(instance);
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                TempFolders.deleteQuietly(instance);
                throw new IllegalStateException("interrupted while starting vsftpd", e);
            }
        }

        private List<String> command(Path config) {
            List<String> vsftpd = List.of(Peers.vsftpdBinary().toString(), config.toString());
            if (!priorityListener) {
                return vsftpd;
            }
            List<String> command = new ArrayList<>(
                    List.of("chrt", "--rr", "--reset-on-fork", "10"));
            command.addAll(vsftpd);
            return command;
        }

        private String config(Path instance, Path served, int port, int firstPassive, TestCertificates pki) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("listen", "YES");
            options.put("listen_ipv6", "NO");
            options.put("listen_address", "127.0.0.1");
            options.put("listen_port", Integer.toString(port));
            options.put("background", "NO");
            options.put("seccomp_sandbox", "NO");
            options.put("secure_chroot_dir", SECURE_CHROOT_DIR);
            options.put("anonymous_enable", "NO");
            options.put("local_enable", "YES");
            options.put("write_enable", "YES");
            options.put("local_umask", "022");
            options.put("chroot_local_user", "YES");
            options.put("allow_writeable_chroot", "YES");
            options.put("local_root", served.toString());
            options.put("userlist_enable", "NO");
            options.put("pam_service_name", UnixAccounts.PAM_SERVICE);
            options.put("pasv_enable", "YES");
            options.put("pasv_address", "127.0.0.1");
            options.put("pasv_min_port", Integer.toString(firstPassive));
            options.put("pasv_max_port", Integer.toString(firstPassive + passivePortCount - 1));
            options.put("port_enable", "YES");
            options.put("connect_from_port_20", "NO");
            options.put("vsftpd_log_file", instance.resolve("vsftpd.log").toString());
            options.put("xferlog_enable", "YES");
            options.put("dual_log_enable", "YES");
            options.put("xferlog_file", instance.resolve("xferlog").toString());
            options.put("log_ftp_protocol", "YES");
            if (tls != Tls.NONE) {
                options.put("ssl_enable", "YES");
                options.put("ssl_sslv2", "NO");
                options.put("ssl_sslv3", "NO");
                options.put("ssl_tlsv1", "YES");
                // vsftpd 3.0.3 defaults to DES-CBC3-SHA only, which modern clients refuse.
                options.put("ssl_ciphers", "HIGH");
                options.put("rsa_cert_file", pki.serverCertificate().toString());
                options.put("rsa_private_key_file", pki.serverKey().toString());
                options.put("allow_anon_ssl", "NO");
                options.put("force_local_logins_ssl", "YES");
                options.put("force_local_data_ssl", "YES");
                options.put("require_ssl_reuse", requireSslReuse ? "YES" : "NO");
                options.put("debug_ssl", "YES");
                if (tls == Tls.IMPLICIT) {
                    options.put("implicit_ssl", "YES");
                }
                if (requireClientCertificate) {
                    options.put("require_cert", "YES");
                    options.put("validate_cert", "YES");
                    options.put("ca_certs_file", pki.caCertificate().toString());
                }
            }
            options.putAll(extraOptions);
            return options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }
}
