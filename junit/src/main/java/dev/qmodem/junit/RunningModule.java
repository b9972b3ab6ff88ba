package dev.qmodem.junit;

import dev.qmodem.client.Modem;
import dev.qmodem.client.QuectelModem;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * One test's world: a temporary folder holding the module's UFS and the FTP server's root, the embedded FTP(S)
 * server, the module serving on an ephemeral loopback port, and the host client, connected when first asked for
 * (the port takes one host at a time, so a test driving its own host code must be able to leave it free).
 */
final class RunningModule implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Model model;
    private final TemporaryFolder folder;
    private final Path ufs;
    private final EmbeddedFtpServer ftpServer;
    private final dev.qmodem.module.EmulatedModule module;
    private final TcpTransport transport;
    private Modem client;

    private RunningModule(Model model, TemporaryFolder folder, Path ufs, EmbeddedFtpServer ftpServer,
            dev.qmodem.module.EmulatedModule module, TcpTransport transport) {
        this.model = model;
        this.folder = folder;
        this.ufs = ufs;
        this.ftpServer = ftpServer;
        this.module = module;
        this.transport = transport;
    }

    /**
     * Starts everything; what already started is stopped again if a later part fails.
     *
     * @param certificateFolder where the FTP server keeps its TLS identity, shared so that it is made only once
     */
    static RunningModule start(Model model, Map<String, String> hostAliases, Path certificateFolder)
            throws IOException {
        TemporaryFolder folder = TemporaryFolder.create("qmodem-" + model.name().toLowerCase(Locale.ROOT) + "-");
        EmbeddedFtpServer ftpServer = null;
        dev.qmodem.module.EmulatedModule module = null;
        try {
            Path ufs = Files.createDirectory(folder.path().resolve("ufs"));
            ftpServer = EmbeddedFtpServer.builder().root(folder.path().resolve("ftp-root"))
                    .dataFolder(certificateFolder).port(0).explicitTlsPort(0).implicitTlsPort(0).start();
            module = dev.qmodem.module.EmulatedModule.create(new ModuleConfig(model, ufs, new Properties(), hostAliases));
            TcpTransport transport = new TcpTransport(new InetSocketAddress(LOOPBACK, 0), module.clock());
            transport.start(module);
            return new RunningModule(model, folder, ufs, ftpServer, module, transport);
        } catch (IOException | RuntimeException e) {
            if (module != null) {
                module.close();
            }
            if (ftpServer != null) {
                ftpServer.close();
            }
            try {
                folder.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    Model model() {
        return model;
    }

    /** The host client on the module's AT port, {@code init()}ed; connected on the first call. */
    synchronized Modem client() throws IOException {
        if (client == null) {
            Modem connected = QuectelModem.connect(LOOPBACK, transport.port());
            try {
                client = connected.init();
            } catch (IOException | RuntimeException e) {
                connected.close();
                throw e;
            }
        }
        return client;
    }

    dev.qmodem.module.EmulatedModule module() {
        return module;
    }

    AtPort atPort() {
        return new AtPort(LOOPBACK, transport.port());
    }

    FtpServerInfo ftpServer() {
        return new FtpServerInfo(ftpServer.host(), ftpServer.port(), ftpServer.user(), ftpServer.password(),
                ftpServer.explicitTlsPort().orElseThrow(), ftpServer.implicitTlsPort().orElseThrow());
    }

    Path ftpRoot() {
        return ftpServer.root();
    }

    Path ufs() {
        return ufs;
    }

    /** Stops the client, the module and the server, then deletes the folders; the first failure is thrown. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (client != null) {
                client.close();
            }
        }
        IOException failure = null;
        try {
            transport.close();
        } catch (IOException e) {
            failure = e;
        }
        module.close();
        ftpServer.close();
        try {
            folder.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
