package dev.qmodem.module;

import dev.qmodem.at.AtSettings;
import dev.qmodem.at.CommandRegistry;
import dev.qmodem.at.Dispatcher;
import dev.qmodem.at.HostOutput;
import dev.qmodem.at.ResponseWriter;
import dev.qmodem.command.ftp.FtpConfig;
import dev.qmodem.command.ftp.FtpService;
import dev.qmodem.command.ssl.SslConfig;
import dev.qmodem.command.ssl.TlsFactory;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.fs.StorageConfig;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.FileSystemLimits;
import dev.qmodem.profile.ModelProfile;
import dev.qmodem.transport.HostSessionHandler;
import dev.qmodem.transport.HostLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One software module: the place where its parts are wired together. Its state (settings, PDP contexts, files,
 * the FTP session) lives as long as the module, across host connections, as on a real serial port; one host is
 * served at a time.
 */
public final class EmulatedModule implements HostSessionHandler, AutoCloseable {

    private static final int MAX_PENDING_URCS = 1024;

    private final ModelProfile profile;
    private final AtSettings settings;
    private final HostOutput output;
    private final DataMode dataMode;
    private final PdpContexts pdp;
    private final LocalStorage storage;
    private final FtpService ftp;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timer;
    // Virtual threads: a fleet holds thousands of modules, and an idle one must not hold a platform thread.
    private final ExecutorService fileWorker =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("qmodem-file").factory());
    private final ReentrantLock hostLock = new ReentrantLock();

    private EmulatedModule(ModuleConfig config) {
        this.profile = ModelProfile.of(config.model(), config.profileOverrides());
        this.settings = new AtSettings(defaults(profile));
        this.output = new HostOutput(new ResponseWriter(settings, profile::errorText), MAX_PENDING_URCS);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("qmodem-timer").factory());
        this.dataMode = new DataMode(output, settings, timer, System::nanoTime);
        this.pdp = new PdpContexts((int) profile.number("pdp.max_active"), profile.text("pdp.address.base"));
        this.storage = openStorage(config, profile);
        FtpConfig ftpConfig = new FtpConfig(profile);
        SslConfig sslConfig = new SslConfig(profile);
        this.ftp = new FtpService(ftpConfig, sslConfig, new TlsFactory(storage, profile, sslConfig), output, pdp,
                config.hostAliases(), timer);
        CommandRegistry registry = CommandTable.build(profile, settings, dataMode, pdp, storage, ftp, ftpConfig,
                sslConfig, timer, fileWorker);
        this.dispatcher = new Dispatcher(registry);
    }

    /** Builds a module; nothing listens until a transport is started with it as the handler. */
    public static EmulatedModule create(ModuleConfig config) {
        return new EmulatedModule(config);
    }

    private static LocalStorage openStorage(ModuleConfig config, ModelProfile profile) {
        try {
            FileSystemLimits limits = profile.fileSystem();
            return new LocalStorage(new StorageConfig(config.ufsDirectory(), limits.ufsCapacity(),
                    limits.ramCapacity(), limits.nameMax(), limits.openMax()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the UFS directory " + config.ufsDirectory(), e);
        }
    }

    private static AtSettings.Defaults defaults(ModelProfile p) {
        return new AtSettings.Defaults(p.flag("default.echo"), p.flag("default.verbose"), p.flag("default.quiet"),
                (int) p.number("default.s3"), (int) p.number("default.s4"), (int) p.number("default.s5"),
                (int) p.number("default.s12"), (int) p.number("default.cmee"), (int) p.number("default.dtr"),
                (int) p.number("default.ipr"));
    }

    /** Serves one host until it disconnects. A second host waits: transports that can refuse do so before. */
    @Override
    public void serve(HostLink link) {
        hostLock.lock();
        try {
            new ModemSession(link, settings, output, dataMode, dispatcher, profile.limit("line.max")).run();
        } finally {
            hostLock.unlock();
        }
    }

    /** True while a host is being served; transports use it to refuse a second one. */
    public boolean busy() {
        return hostLock.isLocked();
    }

    @Override
    public void close() {
        ftp.shutdownNow();
        fileWorker.shutdownNow();
        storage.close();
        timer.shutdownNow();
    }
}
