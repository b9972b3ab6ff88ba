package dev.qmodem.module;

import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Properties;

/** A module serving on an ephemeral loopback TCP port, for tests that talk to it as a host would. */
public final class RunningModule implements AutoCloseable {

    private final EmulatedModule modem;
    private final TcpTransport transport;

    private RunningModule(EmulatedModule modem, TcpTransport transport) {
        this.modem = modem;
        this.transport = transport;
    }

    public static RunningModule start(Model model, Path ufs) throws IOException {
        return start(ModuleConfig.of(model, ufs));
    }

    public static RunningModule start(ModuleConfig config) throws IOException {
        EmulatedModule modem = EmulatedModule.create(config);
        TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0));
        transport.start(modem);
        return new RunningModule(modem, transport);
    }

    public EmulatedModule modem() {
        return modem;
    }

    public int port() {
        return transport.port();
    }

    /** A new host connection to the module. */
    public HostConnection connect() throws IOException {
        return new HostConnection("127.0.0.1", port());
    }

    @Override
    public void close() throws IOException {
        transport.close();
        modem.close();
    }
}
