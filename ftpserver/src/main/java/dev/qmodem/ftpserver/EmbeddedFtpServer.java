package dev.qmodem.ftpserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An FTP server on 127.0.0.1 that {@code qmodem serve} starts by default and tests start in-process.
 *
 * <pre>{@code
 * try (EmbeddedFtpServer ftp = EmbeddedFtpServer.builder().root(dir).dataFolder(data).start()) {
 *     client.connect("127.0.0.1", ftp.port());   // plain; ftp.explicitTlsPort(), ftp.implicitTlsPort()
 * }
 * }</pre>
 *
 * <p>One user (default {@code test}/{@code test}) may read and write below the root folder. It has
 * three listeners, each on its own port: plain FTP, explicit FTPS ({@code AUTH TLS}, optional) and
 * implicit FTPS. Passive data ports are on 127.0.0.1; active mode is allowed, to the client's own address only
 * (PORT or EPRT naming another is refused: no FTP bounce). Symbolic links are never followed out of the root.
 * The TLS certificate
 * is self-signed, made on first start and reused from the data folder (see {@link #certificateFile()}).
 * A port given as 0 is chosen by the system; the getters report the bound ports.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String PLAIN = "plain";
    private static final String EXPLICIT = "explicit-tls";
    private static final String IMPLICIT = "implicit-tls";

    private final FtpServer server;
    private final FtpServerFactory factory;
    private final Path root;
    private final ServerCertificate identity;
    private final String user;
    private final String password;
    private final Duration startupTime;

    private EmbeddedFtpServer(FtpServer server, FtpServerFactory factory, Path root, ServerCertificate identity, String user,
            String password, Duration startupTime) {
        this.server = server;
        this.factory = factory;
        this.root = root;
        this.identity = identity;
        this.user = user;
        this.password = password;
        this.startupTime = startupTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return HOST;
    }

    /** The bound plain FTP port. */
    public int port() {
        return factory.getListener(PLAIN).getPort();
    }

    /** The bound explicit FTPS port, empty when TLS is off. */
    public OptionalInt explicitTlsPort() {
        return portOf(EXPLICIT);
    }

    /** The bound implicit FTPS port, empty when TLS is off. */
    public OptionalInt implicitTlsPort() {
        return portOf(IMPLICIT);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Path root() {
        return root;
    }

    /** The server certificate in PEM, for a client to trust; null when TLS is off. */
    public Path certificateFile() {
        return identity == null ? null : identity.certificateFile();
    }

    /** The server certificate; null when TLS is off. */
    public X509Certificate certificate() {
        return identity == null ? null : identity.certificate();
    }

    /** From {@link Builder#start()} being called to every listener accepting. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops every listener and session. */
    @Override
    public void close() {
        server.stop();
    }

    private OptionalInt portOf(String listenerName) {
        Listener listener = factory.getListener(listenerName);
        return listener == null ? OptionalInt.empty() : OptionalInt.of(listener.getPort());
    }

    /** Settings for the server; every one has a default except {@link #root(Path)}. */
    public static final class Builder {

        private int port;
        private int explicitTlsPort;
        private int implicitTlsPort;
        private boolean tls = true;
        private Path root;
        private Path dataFolder;
        private String user = "test";
        private String password = "test";
        private String passivePorts = "0";
        private int maxLogins;

        private Builder() {
        }

        /** The plain FTP port; 0 (default) lets the system choose. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The explicit FTPS port; 0 (default) lets the system choose. */
        public Builder explicitTlsPort(int port) {
            this.explicitTlsPort = port;
            return this;
        }

        /** The implicit FTPS port; 0 (default) lets the system choose. */
        public Builder implicitTlsPort(int port) {
            this.implicitTlsPort = port;
            return this;
        }

        /** Without TLS only the plain listener starts and no certificate is made. Default on. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** The folder the user sees as {@code /}; created if missing. Required. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Where the TLS certificate and key are kept; defaults to the root's parent folder. */
        public Builder dataFolder(Path dataFolder) {
            this.dataFolder = dataFolder;
            return this;
        }

        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Passive data ports in Apache FtpServer's syntax, e.g. {@code "40000-40100"}; "0" (default) means any. */
        public Builder passivePorts(String passivePorts) {
            this.passivePorts = passivePorts;
            return this;
        }

        /**
         * How many sessions may be logged in at once; 0 (default) keeps Apache FtpServer's own limit. A fleet of
         * modules needs one per module.
         */
        public Builder maxLogins(int maxLogins) {
            this.maxLogins = maxLogins;
            return this;
        }

        /**
         * Starts every listener and returns once they accept connections.
         *
         * @throws UncheckedIOException if the root folder or the key store cannot be written
         * @throws IllegalStateException if a listener cannot bind (port taken)
         */
        public EmbeddedFtpServer start() {
            if (root == null) {
                throw new IllegalStateException("root folder not set");
            }
            long started = System.nanoTime();
            Path absoluteRoot = root.toAbsolutePath();
            Path certificateFolder = (dataFolder != null ? dataFolder : absoluteRoot.getParent()).toAbsolutePath();
            // A cold JVM needs a few hundred milliseconds to set up TLS; overlap that with the FTP setup.
            CompletableFuture<ServerCertificate> identityLoading = tls
                    ? CompletableFuture.supplyAsync(() -> ServerCertificate.loadOrCreate(certificateFolder))
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<SSLContext> contextLoading = identityLoading.thenApply(
                    identity -> identity == null ? null : identity.sslContext());
            try {
                Files.createDirectories(absoluteRoot);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the FTP root " + absoluteRoot, e);
            }
            FtpServerFactory factory = new FtpServerFactory();
            factory.setUserManager(userManager(absoluteRoot));
            factory.setFileSystem(new ConfinedFileSystem());
            if (maxLogins > 0) {
                ConnectionConfigFactory connections = new ConnectionConfigFactory();
                connections.setMaxLogins(maxLogins);
                factory.setConnectionConfig(connections.createConnectionConfig());
            }
            // setListeners, not addListener: the factory comes with a "default" listener on 0.0.0.0:21.
            Map<String, Listener> listeners = new LinkedHashMap<>();
            listeners.put(PLAIN, listener(port, null, false));
            ServerCertificate identity = join(identityLoading);
            if (identity != null) {
                SslConfiguration ssl = new LoopbackSslConfiguration(join(contextLoading));
                listeners.put(EXPLICIT, listener(explicitTlsPort, ssl, false));
                listeners.put(IMPLICIT, listener(implicitTlsPort, ssl, true));
            }
            factory.setListeners(listeners);
            FtpServer server = factory.createServer();
            try {
                server.start();
            } catch (FtpException | RuntimeException e) {
                server.stop();
                throw new IllegalStateException("cannot start the embedded FTP server on " + HOST, e);
            }
            return new EmbeddedFtpServer(server, factory, absoluteRoot, identity, user, password,
                    Duration.ofNanos(System.nanoTime() - started));
        }

        /** The result of a background step, with its own exception rethrown as it was. */
        private static <T> T join(CompletableFuture<T> step) {
            try {
                return step.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        private Listener listener(int listenerPort, SslConfiguration ssl, boolean implicit) {
            DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
            data.setPassiveAddress(HOST);
            data.setPassiveExternalAddress(HOST);
            data.setPassivePorts(passivePorts);
            data.setActiveEnabled(true);
            // The login is public: PORT/EPRT may name only the client's own address (no FTP bounce).
            data.setActiveIpCheck(true);
            data.setActiveLocalAddress(HOST);
            data.setSslConfiguration(ssl);
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress(HOST);
            listener.setPort(listenerPort);
            listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
            if (ssl != null) {
                listener.setSslConfiguration(ssl);
                listener.setImplicitSsl(implicit);
            }
            return listener.createListener();
        }

        private UserManager userManager(Path home) {
            PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
            users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
            UserManager manager = users.createUserManager();
            BaseUser account = new BaseUser();
            account.setName(user);
            account.setPassword(password);
            account.setHomeDirectory(home.toString());
            account.setEnabled(true);
            account.setMaxIdleTime(0);
            account.setAuthorities(List.<Authority>of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
            try {
                manager.save(account);
            } catch (FtpException e) {
                throw new IllegalStateException("cannot register FTP user " + user, e);
            }
            return manager;
        }
    }
}
