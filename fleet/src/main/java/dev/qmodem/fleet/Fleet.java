package dev.qmodem.fleet;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.PtyTransport;
import dev.qmodem.transport.TcpTransport;
import dev.qmodem.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Many modules in one process, each with its own AT port, flash and state, as separate devices are. An idle module
 * holds no thread of its own but a virtual one blocked in accept, so thousands fit in one JVM.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    private final List<FleetModule> modules;
    private final List<Transport> transports;

    private Fleet(List<FleetModule> modules, List<Transport> transports) {
        this.modules = List.copyOf(modules);
        this.transports = List.copyOf(transports);
    }

    /**
     * Builds every module and starts its AT port; returns once all listen. If one cannot start (a port in use), the
     * ones already started are stopped and the failure is thrown.
     */
    public static Fleet start(FleetConfig config) throws IOException {
        List<FleetModule> modules = new ArrayList<>(config.models().size());
        List<Transport> transports = new ArrayList<>(config.models().size());
        try {
            for (int index = 0; index < config.models().size(); index++) {
                String id = Integer.toString(config.firstId() + index);
                Model model = config.models().get(index);
                Path ufs = config.ufsRoot().resolve(id);
                EmulatedModule module = EmulatedModule.create(
                        new ModuleConfig(model, ufs, config.profileOverrides(), config.hostAliases()));
                Transport transport = transport(config, id, index);
                transports.add(transport);
                modules.add(new FleetModule(id, model, null, -1, ufs, module));
                transport.start(module);
                int port = transport instanceof TcpTransport tcp ? tcp.port() : -1;
                modules.set(index, new FleetModule(id, model, transport.endpoint(), port, ufs, module));
            }
        } catch (IOException | RuntimeException e) {
            stop(modules, transports);
            throw e;
        }
        return new Fleet(modules, transports);
    }

    private static Transport transport(FleetConfig config, String id, int index) {
        if (config.ptyDirectory() != null) {
            return new PtyTransport(config.ptyDirectory().resolve("ttyQ" + id));
        }
        int base = config.listen().getPort();
        return new TcpTransport(new InetSocketAddress(config.listen().getAddress(), base == 0 ? 0 : base + index));
    }

    /** Every module, in id order. */
    public List<FleetModule> modules() {
        return modules;
    }

    /** Hangs up every host, stops every AT port and module. */
    @Override
    public void close() {
        stop(modules, transports);
    }

    private static void stop(List<FleetModule> modules, List<Transport> transports) {
        for (Transport transport : transports) {
            try {
                transport.close();
            } catch (IOException e) {
                log.debug("closing {}: {}", transport, e.toString());
            }
        }
        modules.forEach(m -> m.module().close());
    }
}
