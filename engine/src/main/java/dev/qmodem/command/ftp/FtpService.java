package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.CommandObserver;
import dev.qmodem.data.HostOutput;
import dev.qmodem.command.ssl.FtpsTls;
import dev.qmodem.command.ssl.SslConfig;
import dev.qmodem.command.ssl.SslContextSettings;
import dev.qmodem.command.ssl.TlsFactory;
import dev.qmodem.fault.Fault;
import dev.qmodem.fault.Faults;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.FtpNetwork;
import dev.qmodem.ftp.FtpSecurity;
import dev.qmodem.ftp.FtpSession;
import dev.qmodem.ftp.FtpSettings;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The module's FTP(S) service: the session state machine behind the AT+QFTP commands. One operation at a time
 * (DESIGN.md decision 10): a command is accepted only in the state it needs, answered OK, run on the service's
 * worker thread, and reported by its URC; meanwhile every other FTP command is busy (603).
 */
public final class FtpService {

    private static final Logger log = LoggerFactory.getLogger(FtpService.class);
    /** How long AT+QFTPCLOSE lets a transfer end or QUIT be answered before it closes the sockets itself. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    /** Where the service is; {@link #statCode} is what AT+QFTPSTAT reports for it. */
    enum Phase {
        CLOSED(4), OPENING(0), IDLE(1), COMMAND(1), TRANSFER(2), UPLOAD_PAUSED(2), CLOSING(3);

        final int statCode;

        Phase(int statCode) {
            this.statCode = statCode;
        }
    }

    /** A session call that answers with the text of its success URC. */
    @FunctionalInterface
    interface SessionCall {
        String call(FtpSession session) throws FtpFailure;
    }

    private final FtpConfig config;
    private final SslConfig ssl;
    private final TlsFactory tls;
    private final HostOutput output;
    private final PdpContexts pdp;
    private final Map<String, String> hostAliases;
    private final Clock clock;
    private final Faults faults;
    private final FtpNetwork network;
    private final CommandObserver observer;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("qmodem-ftp").factory());
    private Phase phase = Phase.CLOSED;
    private FtpSession session;
    private Runnable cancelTransfer;
    private PausedUpload pausedUpload;
    private LongSupplier transferLength = () -> 0;

    /**
     * @param hostAliases host names to answer without DNS (e.g. the documents' {@code quectel.3322.org} to
     *                    {@code 127.0.0.1}), as a hosts file would
     * @param ssl         the SSL contexts {@code sslctxid} and {@code data_sslctxid} name
     * @param tls         builds an FTPS session's TLS from those contexts at login
     * @param faults      may delay or hold back the service's URCs
     * @param network     how sessions resolve names and open sockets
     * @param observer    told each operation's outcome
     */
    public FtpService(FtpConfig config, SslConfig ssl, TlsFactory tls, HostOutput output, PdpContexts pdp,
                      Map<String, String> hostAliases, Clock clock, Faults faults, FtpNetwork network,
                      CommandObserver observer) {
        this.faults = faults;
        this.observer = observer;
        this.network = network;
        this.config = config;
        this.ssl = ssl;
        this.tls = tls;
        this.clock = clock;
        this.output = output;
        this.pdp = pdp;
        this.hostAliases = Map.copyOf(hostAliases);
        pdp.onDeactivated(this::contextDeactivated);
    }

    FtpConfig config() {
        return config;
    }

    /** Reports an operation's outcome, unless a {@code hang} fault holds it back or a {@code delay} fault defers it. */
    void urc(String line) {
        observer.ftpResult(line);
        String command = line.substring(0, Math.max(0, line.indexOf(':')));
        if (faults.hangs(command)) {
            faults.injected("hang", "held back " + line);
            synchronized (this) {
                if (phase == Phase.IDLE) {
                    phase = Phase.COMMAND;
                }
            }
            return;
        }
        // An FTP operation is started by its set form (AT+QFTPOPEN=...) or, for a few, its execute form.
        Optional<Fault.Delay> delay = faults.delay(command, "=");
        if (delay.isPresent()) {
            faults.injected("delay", line + " " + delay.get().ms() + " ms later");
            clock.schedule(() -> output.urc(line), delay.get().ms(), TimeUnit.MILLISECONDS);
            return;
        }
        output.urc(line);
    }

    void execute(Runnable task) {
        worker.execute(task);
    }

    Clock clock() {
        return clock;
    }

    /** AT+QFTPSTAT's {@code <ftpstat>}. */
    public synchronized int statCode() {
        return phase.statCode;
    }

    /** AT+QFTPLEN's {@code <transferlen>}: bytes of the current or last transfer. */
    public synchronized long transferLength() {
        return transferLength.getAsLong();
    }

    /** AT+QFTPOPEN: starts logging in; {@code +QFTPOPEN: <err>,<protocol_error>} reports the outcome. */
    synchronized void open(String host, int port) throws AtException {
        if (phase != Phase.CLOSED) {
            throw AtException.cme(phase == Phase.IDLE ? FtpErrors.BAD_SEQUENCE : FtpErrors.BUSY);
        }
        phase = Phase.OPENING;
        FtpSettings plain = config.toSettings();
        FtpSecurity security = config.security();
        SslContextSettings controlSsl = ssl.settings(config.controlContextId());
        SslContextSettings dataSsl = ssl.settings(config.dataContextId());
        int contextId = config.get("contextid");
        String address = hostAliases.getOrDefault(host, host);
        worker.execute(() -> {
            String result;
            FtpSession opened = null;
            if (!pdp.isActive(contextId)) {
                result = "605,0";
            } else {
                try {
                    FtpSettings settings = plain;
                    if (security != FtpSecurity.NONE) {
                        FtpsTls sessionTls = tls.build(controlSsl, dataSsl, host);
                        settings = plain.withSecurity(security, sessionTls.control(), sessionTls.data());
                    }
                    FtpSession opening = FtpSession.prepare(settings, clock);
                    synchronized (this) {
                        // AT+QFTPCLOSE (or the context's loss) while opening aborts the session it finds here.
                        session = opening;
                        if (phase == Phase.CLOSING) {
                            opening.abort();
                        }
                    }
                    opening.connect(address, port, network);
                    opened = opening;
                    result = "0,0";
                } catch (FtpFailure f) {
                    log.debug("login to {}:{} failed", address, port, f);
                    result = Outcome.of(f).toString();
                }
            }
            synchronized (this) {
                session = opened;
                if (phase != Phase.CLOSING) {
                    phase = opened != null ? Phase.IDLE : Phase.CLOSED;
                }
            }
            urc("+QFTPOPEN: " + result);
        });
    }

    /** A control-connection command: CWD, SIZE, MKDIR... The URC is the call's text or {@code <urc>: <err>,<proto>}. */
    void command(String urcName, SessionCall call) throws AtException {
        FtpSession current = begin(Phase.COMMAND);
        worker.execute(() -> {
            String line;
            try {
                line = call.call(current);
            } catch (FtpFailure f) {
                line = urcName + ": " + Outcome.of(f);
            }
            finish();
            urc(line);
        });
    }

    /**
     * Claims the service for an operation: 625 before a session is open, 603 while another operation runs.
     * Returns the session to use.
     */
    synchronized FtpSession begin(Phase during) throws AtException {
        if (phase == Phase.CLOSED) {
            throw AtException.cme(FtpErrors.NOT_LOGGED_IN);
        }
        if (phase != Phase.IDLE) {
            throw AtException.cme(FtpErrors.BUSY);
        }
        phase = during;
        return session;
    }

    /** Applies the configured file type (AT+QFTPCFG="filetype" may change between transfers) before a transfer. */
    void applyFileType(FtpSession session) throws FtpFailure {
        session.transferType(config.get("filetype") == 0);
    }

    /** Registers how to abort the running transfer (QFTPCLOSE, PDP loss) and where QFTPLEN reads its count. */
    synchronized void transferStarted(Runnable cancel, LongSupplier length) {
        cancelTransfer = cancel;
        transferLength = length;
    }

    /** The operation is over: back to idle, or closed if the control connection went with it. */
    synchronized void finish() {
        long finalLength = transferLength.getAsLong();
        transferLength = () -> finalLength;
        cancelTransfer = null;
        if (phase == Phase.CLOSING || phase == Phase.CLOSED) {
            return;
        }
        if (session == null || !session.isOpen()) {
            session = null;
            phase = Phase.CLOSED;
        } else {
            phase = Phase.IDLE;
        }
    }

    /** An upload with {@code <beof>}=0 keeps its data connection for the next AT+QFTPPUT on the same file. */
    synchronized void pauseUpload(PausedUpload upload) {
        long finalLength = transferLength.getAsLong();
        transferLength = () -> finalLength;
        pausedUpload = upload;
        phase = Phase.UPLOAD_PAUSED;
    }

    /**
     * Takes the paused upload if this AT+QFTPPUT continues it: same file, {@code <startpos>} where it stopped.
     * Returns null when no upload is paused; 612 when one is but this is not its continuation.
     */
    synchronized PausedUpload continueUpload(String file, long startPosition) throws AtException {
        if (phase != Phase.UPLOAD_PAUSED) {
            return null;
        }
        if (!pausedUpload.file().equals(file) || pausedUpload.nextPosition() != startPosition) {
            throw AtException.cme(FtpErrors.BAD_FILE_POSITION);
        }
        PausedUpload upload = pausedUpload;
        pausedUpload = null;
        phase = Phase.TRANSFER;
        return upload;
    }

    /**
     * AT+QFTPCLOSE: ends any transfer, logs out, and reports {@code +QFTPCLOSE: <err>,<protocol_error>}; also while
     * opening or running a command, which it cuts short (see {@link #shutDown}).
     */
    void close() throws AtException {
        synchronized (this) {
            if (phase == Phase.CLOSED) {
                throw AtException.cme(FtpErrors.NOT_LOGGED_IN);
            }
            if (phase == Phase.CLOSING) {
                throw AtException.cme(FtpErrors.BUSY);
            }
        }
        shutDown("+QFTPCLOSE: ", null);
    }

    private void contextDeactivated(int contextId) {
        synchronized (this) {
            if (contextId != config.get("contextid") || phase == Phase.CLOSED || phase == Phase.CLOSING) {
                return;
            }
        }
        log.info("PDP context {} deactivated: closing the FTP session", contextId);
        shutDown("+QFTPCLOSE: ", FtpErrors.NETWORK + ",0");
    }

    /**
     * Cancels the transfer, quits on the worker, and reports; {@code forcedResult} overrides the QUIT outcome.
     * Whatever the server does, the session ends within about {@link #CLOSE_GRACE}: an open or a command in
     * progress is aborted at once (its URC reports 606), and a transfer or QUIT still running after the grace has
     * its sockets closed.
     */
    private void shutDown(String urcPrefix, String forcedResult) {
        Runnable cancel;
        PausedUpload paused;
        FtpSession running;
        boolean interruptible;
        synchronized (this) {
            cancel = cancelTransfer;
            paused = pausedUpload;
            pausedUpload = null;
            running = session;
            interruptible = phase == Phase.OPENING || phase == Phase.COMMAND;
            phase = Phase.CLOSING;
        }
        if (running != null && interruptible) {
            running.abort();
        }
        Clock.Timer force = running == null ? null
                : clock.schedule(running::abort, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        if (cancel != null) {
            // Cancelling waits for the server's reply to the aborted transfer: never on the AT thread.
            Thread.ofVirtual().name("qmodem-ftp-cancel").start(cancel);
        }
        worker.execute(() -> {
            String result = "0,0";
            FtpSession closing;
            synchronized (this) {
                closing = session;
            }
            try {
                if (paused != null) {
                    paused.upload().complete();
                }
            } catch (FtpFailure f) {
                log.debug("paused upload ended with {}", f.err());
            }
            if (closing != null) {
                try {
                    closing.close();
                } catch (FtpFailure f) {
                    result = Outcome.of(f).toString();
                }
            }
            if (force != null) {
                force.cancel();
            }
            synchronized (this) {
                session = null;
                phase = Phase.CLOSED;
            }
            urc(urcPrefix + (forcedResult != null ? forcedResult : result));
        });
    }

    /**
     * The module lost power or reset: the running transfer stops, the session is forgotten at once (a new
     * AT+QFTPOPEN works) and its connection closed in the background; no URC reports it, as nothing would on a
     * module that went down.
     */
    public void powerLost() {
        Runnable cancel;
        FtpSession dropped;
        synchronized (this) {
            cancel = cancelTransfer;
            cancelTransfer = null;
            dropped = session;
            session = null;
            pausedUpload = null;
            phase = Phase.CLOSED;
            transferLength = () -> 0;
        }
        config.reset();
        if (cancel != null) {
            cancel.run();
        }
        if (dropped != null) {
            worker.execute(() -> {
                try {
                    dropped.close();
                } catch (FtpFailure f) {
                    log.debug("dropped session ended with {}", f.err());
                }
            });
        }
    }

    /** Stops the worker (module shutdown); an open session is dropped without QUIT. */
    public void shutdownNow() {
        worker.shutdownNow();
    }
}
