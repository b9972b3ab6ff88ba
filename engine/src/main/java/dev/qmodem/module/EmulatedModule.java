package dev.qmodem.module;

import dev.qmodem.at.AtSettings;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.CommandObserver;
import dev.qmodem.at.CommandRegistry;
import dev.qmodem.at.Dispatcher;
import dev.qmodem.at.Response;
import dev.qmodem.data.HostOutput;
import dev.qmodem.at.ResponseWriter;
import dev.qmodem.command.ftp.FtpConfig;
import dev.qmodem.command.ftp.FtpService;
import dev.qmodem.command.ssl.SslConfig;
import dev.qmodem.command.ssl.TlsFactory;
import dev.qmodem.data.DataMode;
import dev.qmodem.fault.Fault;
import dev.qmodem.fault.FaultyHostLink;
import dev.qmodem.fault.FaultyNetwork;
import dev.qmodem.fault.Faults;
import dev.qmodem.fs.Drive;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.fs.StorageConfig;
import dev.qmodem.network.HostResolver;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.network.Radio;
import dev.qmodem.profile.FileSystemLimits;
import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import dev.qmodem.time.Clock;
import dev.qmodem.time.SystemClock;
import dev.qmodem.transport.HostSessionHandler;
import dev.qmodem.transport.HostLink;
import dev.qmodem.transport.TraceSinks;
import dev.qmodem.transport.TracingHostLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One software module: the place where its parts are wired together. Its state (settings, PDP contexts, files,
 * the FTP session) lives as long as the module, across host connections, as on a real serial port; one host is
 * served at a time.
 */
public final class EmulatedModule implements HostSessionHandler, AutoCloseable {

    private static final int MAX_PENDING_URCS = 1024;

    private final Model model;
    private final ModelProfile profile;
    private final AtSettings settings;
    private final HostOutput output;
    private final DataMode dataMode;
    private final Radio radio;
    private final PdpContexts pdp;
    private final LocalStorage storage;
    private final FtpService ftp;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Runnable closeClock;
    // Virtual threads: a fleet holds thousands of modules, and an idle one must not hold a platform thread.
    private final ExecutorService fileWorker =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("qmodem-file").factory());
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("qmodem-dns-", 0).factory());
    private final ReentrantLock hostLock = new ReentrantLock();
    private final Faults faults = new Faults();
    private final TraceSinks trace = new TraceSinks();
    private final List<CommandObserver> observers = new CopyOnWriteArrayList<>();
    private Fault.Disk appliedDisk;
    private final ModuleEvents events;
    private final ModulePower power;

    private EmulatedModule(ModuleConfig config, Clock clock, Runnable closeClock) {
        this.model = config.model();
        this.profile = ModelProfile.of(config.model(), config.profileOverrides());
        this.settings = new AtSettings(defaults(profile));
        this.output = new HostOutput(new ResponseWriter(settings, profile::errorText), MAX_PENDING_URCS);
        this.clock = clock;
        this.closeClock = closeClock;
        this.dataMode = new DataMode(output, settings, clock,
                TimeUnit.MILLISECONDS.toNanos(profile.number("data.late_lf_ms")));
        this.radio = new Radio(new Radio.Cell(profile.text("network.cell.area"), profile.text("network.cell.id"),
                (int) profile.number("network.cell.act")),
                new Radio.Signal((int) profile.number("network.rssi"), (int) profile.number("network.ber")));
        radio.onUrc(output::urc);
        this.pdp = new PdpContexts((int) profile.number("pdp.max_active"), profile.text("pdp.address.base"), radio);
        this.storage = openStorage(config, profile);
        FtpConfig ftpConfig = new FtpConfig(profile);
        SslConfig sslConfig = new SslConfig(profile);
        CommandObserver observer = new CommandObserver() {
            @Override
            public void lineReceived(String line) {
                observers.forEach(o -> o.lineReceived(line));
            }

            @Override
            public void commandDone(String name, CommandForm form, Response response) {
                delayResult(name, form);
                observers.forEach(o -> o.commandDone(name, form, response));
            }

            @Override
            public void ftpResult(String urc) {
                observers.forEach(o -> o.ftpResult(urc));
            }
        };
        this.ftp = new FtpService(ftpConfig, sslConfig, new TlsFactory(storage, profile, sslConfig), output, pdp,
                config.hostAliases(), clock, faults, new FaultyNetwork(faults, clock), observer);
        this.power = new ModulePower(new PowerCycle(), clock, profile.number("boot.time.ms"),
                Arrays.asList(profile.text("boot.urcs").split("\\s*;\\s*")));
        HostResolver resolver = new HostResolver(config.hostAliases(),
                new HostResolver.DnsServers(profile.text("dns.primary"), profile.text("dns.secondary")));
        CommandRegistry registry = CommandTable.build(profile, settings, dataMode, radio, pdp, storage, ftp, ftpConfig,
                sslConfig, power, resolver, output::urc, clock, fileWorker, lookups);
        this.dispatcher = new Dispatcher(registry, observer);
        faults.onInjected(injection -> trace.mark(injection.kind() + ": " + injection.detail()));
        faults.onChanged(this::applyDiskFault);
        this.events = new ModuleEvents(faults, output, pdp, radio, power);
    }

    /** A new disk fault sets the UFS free space once; later writes use it up; removing it restores the drive. */
    private void applyDiskFault() {
        Fault.Disk disk = faults.disk().orElse(null);
        if (disk != appliedDisk) {
            appliedDisk = disk;
            storage.limitFreeSpace(Drive.UFS, disk == null ? OptionalLong.empty() : OptionalLong.of(disk.freeBytes()));
        }
    }

    /**
     * A {@code delay} fault on a command other than an FTP one holds its final result back (FTP ones delay the
     * URC), on the module's clock.
     */
    private void delayResult(String name, CommandForm form) {
        Optional<Fault.Delay> delay = name.startsWith("+QFTP") ? Optional.empty() : faults.delay(name, typed(form));
        if (delay.isPresent()) {
            CountDownLatch elapsed = new CountDownLatch(1);
            clock.schedule(elapsed::countDown, delay.get().ms(), TimeUnit.MILLISECONDS);
            faults.injected("delay", name + typed(form) + " result " + delay.get().ms() + " ms later");
            try {
                elapsed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How the form is typed after the command's name, as a {@code delay} fault names one form. */
    private static String typed(CommandForm form) {
        return switch (form) {
            case SET -> "=";
            case READ -> "?";
            case TEST -> "=?";
            case EXECUTE -> "";
        };
    }

    /** Builds a module; nothing listens until a transport is started with it as the handler. */
    public static EmulatedModule create(ModuleConfig config) {
        SystemClock clock = new SystemClock();
        return new EmulatedModule(config, clock, clock::close);
    }

    /** Builds a module whose time and timers are {@code clock}'s (a virtual clock in tests). */
    public static EmulatedModule create(ModuleConfig config, Clock clock) {
        return new EmulatedModule(config, clock, () -> { });
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
            HostLink served = PoweredHostLink.of(TracingHostLink.of(FaultyHostLink.of(link, faults, clock), trace),
                    power::on);
            new ModemSession(served, settings, output, dataMode, dispatcher, profile.limit("line.max"), clock).run();
        } finally {
            hostLock.unlock();
        }
    }

    /**
     * Serves {@code link} as the module's host if no other host is being served, and returns true when its session
     * is over; returns false at once, without touching the link, while another host is served.
     */
    public boolean serveIfFree(HostLink link) {
        if (!hostLock.tryLock()) {
            return false;
        }
        try {
            serve(link);
            return true;
        } finally {
            hostLock.unlock();
        }
    }

    /**
     * Resets the module as {@code AT+CFUN=1,1} does: silent at once, volatile state back to power-on values (no
     * active PDP context, FTP session and AT+QFOPEN handles gone, settings at their defaults; UFS kept), then after
     * the profile's {@code boot.time.ms} the model's boot URCs ({@code RDY}...).
     */
    public void reboot() {
        power.reboot();
    }

    /** Powers the module down as {@code AT+QPOWD} does: the AT port answers nothing until {@link #powerOn()}. */
    public void powerOff() {
        power.powerOff();
    }

    /** Boots a module that is powered off; nothing if it is on or already booting. */
    public void powerOn() {
        power.powerOn();
    }

    /** Whether the module is on (not off, not booting): only then does its AT port answer. */
    public boolean poweredOn() {
        return power.on();
    }

    /**
     * The simulated radio: registration status, URC modes and signal in one place. An outside event (a control
     * API) changes them here, e.g. {@code radio().registration(Radio.NOT_REGISTERED)}, and the host gets the
     * registration URCs its enabled modes ask for.
     */
    public Radio radio() {
        return radio;
    }

    /** What a power cycle does to this module's parts. */
    private final class PowerCycle implements ModulePower.Parts {

        @Override
        public void lose() {
            output.silence(true);
            dataMode.hostLost();
            ftp.powerLost();
            pdp.reset();
            storage.closeHandles();
        }

        @Override
        public void restore() {
            settings.restoreDefaults();
            radio.reset();
            output.silence(false);
        }

        @Override
        public void urc(String line) {
            output.urc(line);
        }
    }

    /** True while a host is being served; transports use it to refuse a second one. */
    public boolean busy() {
        return hostLock.isLocked();
    }

    public Model model() {
        return model;
    }

    /** The module's local files (UFS, and RAM where the model has it), shared with the AT commands. */
    public LocalStorage storage() {
        return storage;
    }

    /** The faults in force on this module; adding one applies it at once. */
    public Faults faults() {
        return faults;
    }

    /** What the control API shows of the module now. */
    public ModuleState state() {
        return new ModuleState(model, busy(), dataMode.active(), pdp.activations(), ftp.statCode(),
                ftp.transferLength());
    }

    /** Listeners of the host link's bytes and of injected faults and events. */
    public TraceSinks trace() {
        return trace;
    }

    /** Adds a watcher of command lines and results (metrics, scenario triggers). */
    public void addCommandObserver(CommandObserver observer) {
        observers.add(observer);
    }

    /**
     * What {@code --timing realistic} sets, as faults the control API lists and can remove: the link this model
     * typically meets in the field (profile {@code timing.link}), then a {@code delay} per command latency of the
     * profile ({@code timing.latency.*}).
     */
    public List<Fault> realisticTiming() {
        List<Fault> timing = new ArrayList<>();
        timing.add(Fault.Link.preset(profile.text("timing.link")));
        profile.commandLatencies().forEach((command, ms) -> timing.add(new Fault.Delay(command, ms)));
        return timing;
    }

    /** The module's one source of time and timers, for work that must happen later on its time base (scenario steps). */
    public Clock clock() {
        return clock;
    }

    /** The one-shot events of the control API: network and power events from outside. */
    public ModuleEvents events() {
        return events;
    }

    @Override
    public void close() {
        ftp.shutdownNow();
        fileWorker.shutdownNow();
        lookups.shutdownNow();
        storage.close();
        closeClock.run();
    }
}
