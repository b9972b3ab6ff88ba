package dev.qmodem.fleet;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.time.Clock;
import dev.qmodem.transport.PtyTransport;
import dev.qmodem.transport.TcpTransport;
import dev.qmodem.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
     * Builds every module and starts its AT port; returns once all listen. Building is CPU work (profiles, command
     * tables), so it runs on one thread per core. If one cannot start (a port in use), the ones already started are
     * stopped and the failure is thrown.
     */
    public static Fleet start(FleetConfig config) throws IOException {
        int count = config.models().size();
        FleetModule[] modules = new FleetModule[count];
        Transport[] transports = new Transport[count];
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Runnable builder = () -> {
            for (int index = next.getAndIncrement(); index < count && failures.isEmpty(); index = next.getAndIncrement()) {
                try {
                    startOne(config, index, modules, transports);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }
        };
        List<Thread> builders = new ArrayList<>();
        for (int i = 0; i < Math.min(count, Runtime.getRuntime().availableProcessors()); i++) {
            builders.add(Thread.ofPlatform().name("qmodem-fleet-start-" + i).start(builder));
        }
        try {
            for (Thread thread : builders) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
            builders.forEach(Thread::interrupt);
        }
        List<FleetModule> started = Arrays.stream(modules).filter(Objects::nonNull).toList();
        List<Transport> listening = Arrays.stream(transports).filter(Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            stop(started, listening);
            Throwable first = failures.get(0);
            if (first instanceof IOException e) {
                throw e;
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            throw new IOException("interrupted while starting the fleet", first);
        }
        return new Fleet(started, listening);
    }

    private static void startOne(FleetConfig config, int index, FleetModule[] modules, Transport[] transports)
            throws IOException {
        String id = Integer.toString(config.firstId() + index);
        Model model = config.models().get(index);
        Path ufs = config.ufsRoot().resolve(id);
        EmulatedModule module = EmulatedModule.create(
                new ModuleConfig(model, ufs, config.profileOverrides(), config.hostAliases()));
        modules[index] = new FleetModule(id, model, null, -1, ufs, module);
        Transport transport = transport(config, id, index, module.clock());
        transport.start(module);
        transports[index] = transport;
        int port = transport instanceof TcpTransport tcp ? tcp.port() : -1;
        modules[index] = new FleetModule(id, model, transport.endpoint(), port, ufs, module);
    }

    private static Transport transport(FleetConfig config, String id, int index, Clock clock) {
        if (config.ptyDirectory() != null) {
            return new PtyTransport(config.ptyDirectory().resolve("ttyQ" + id));
        }
        int base = config.listen().getPort();
        return new TcpTransport(new InetSocketAddress(config.listen().getAddress(), base == 0 ? 0 : base + index),
                Thread.ofVirtual(), clock);
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
