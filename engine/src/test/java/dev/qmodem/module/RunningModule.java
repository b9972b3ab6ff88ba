package dev.qmodem.module;

import dev.qmodem.profile.Model;
import dev.qmodem.time.VirtualClock;
import dev.qmodem.transport.TcpTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** A module serving on an ephemeral loopback TCP port, for tests that talk to it as a host would. */
public final class RunningModule implements AutoCloseable {

    private final EmulatedModule modem;
    private final TcpTransport transport;
    private final HostConnection.Pause pause;

    private RunningModule(EmulatedModule modem, TcpTransport transport, HostConnection.Pause pause) {
        this.modem = modem;
        this.transport = transport;
        this.pause = pause;
    }

    public static RunningModule start(Model model, Path ufs) throws IOException {
        return start(ModuleConfig.of(model, ufs));
    }

    public static RunningModule start(ModuleConfig config) throws IOException {
        EmulatedModule modem = EmulatedModule.create(config);
        TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
        transport.start(modem);
        return new RunningModule(modem, transport, (sent, wait) -> Thread.sleep(wait.toMillis()));
    }

    /**
     * A module on virtual time: its guard times and timeouts move only when a host {@link HostConnection#pause
     * pauses}, which first waits until the module has taken everything that host sent.
     */
    public static RunningModule startOnVirtualTime(ModuleConfig config) throws IOException {
        VirtualClock clock = new VirtualClock();
        EmulatedModule modem = EmulatedModule.create(config, clock);
        TakenBytes taken = new TakenBytes();
        TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock());
        transport.start(taken.counting(modem));
        return new RunningModule(modem, transport, (sent, wait) -> {
            taken.await(sent);
            clock.advance(wait.toNanos(), TimeUnit.NANOSECONDS);
        });
    }

    public EmulatedModule modem() {
        return modem;
    }

    public int port() {
        return transport.port();
    }

    /** A new host connection to the module. */
    public HostConnection connect() throws IOException {
        return new HostConnection("127.0.0.1", port(), pause);
    }

    @Override
    public void close() throws IOException {
        transport.close();
        modem.close();
    }
}
