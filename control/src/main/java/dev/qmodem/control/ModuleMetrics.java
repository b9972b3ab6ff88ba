package dev.qmodem.control;

import dev.qmodem.at.AtException;
import dev.qmodem.at.CommandObserver;
import dev.qmodem.at.Response;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.transport.TraceSink;
import dev.qmodem.transport.TraceWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One module's meters, tagged with its id: AT commands by command and result, FTP operations by command and
 * {@code <err>}, host-link bytes by direction, faults and events injected by kind, host connected.
 */
final class ModuleMetrics implements CommandObserver, TraceSink {

    private final MeterRegistry registry;
    private final String id;
    private final Counter fromHost;
    private final Counter toHost;

    private ModuleMetrics(MeterRegistry registry, String id) {
        this.registry = registry;
        this.id = id;
        this.fromHost = bytes("from_host");
        this.toHost = bytes("to_host");
    }

    static void bind(MeterRegistry registry, String id, EmulatedModule module) {
        ModuleMetrics metrics = new ModuleMetrics(registry, id);
        module.addCommandObserver(metrics);
        module.trace().add(metrics);
        module.faults().onInjected(injection -> Counter.builder("qmodem.faults.injected")
                .description("Faults and events that acted, by kind").tag("module", id)
                .tag("kind", injection.kind()).register(registry).increment());
        Gauge.builder("qmodem.host.connected", module, m -> m.busy() ? 1 : 0)
                .description("1 while a host is connected to the AT port").tag("module", id).register(registry);
    }

    private Counter bytes(String direction) {
        return Counter.builder("qmodem.host.bytes").baseUnit("bytes").description("Bytes on the host link")
                .tag("module", id).tag("direction", direction).register(registry);
    }

    @Override
    public void commandDone(String name, Response response) {
        Counter.builder("qmodem.at.commands").description("AT commands by command and result").tag("module", id)
                .tag("command", name).tag("result", result(response)).register(registry).increment();
    }

    /** A command's result as metrics and the inspector name it: {@code OK}, {@code ERROR}, {@code CME 625}. */
    static String result(Response response) {
        Integer error = response.errorCode();
        return error == null || error == AtException.PLAIN_ERROR ? response.result().name() : "CME " + error;
    }

    @Override
    public void ftpResult(String urc) {
        int colon = urc.indexOf(':');
        if (colon < 0) {
            return;
        }
        String rest = urc.substring(colon + 1).strip();
        int comma = rest.indexOf(',');
        String err = comma < 0 ? rest : rest.substring(0, comma);
        Counter.builder("qmodem.ftp.operations").description("FTP operations by command and <err>").tag("module", id)
                .tag("command", urc.substring(0, colon)).tag("err", err.matches("\\d{1,4}") ? err : "0")
                .register(registry).increment();
    }

    @Override
    public void record(TraceWriter.Direction direction, byte[] bytes, int offset, int length) {
        (direction == TraceWriter.Direction.FROM_HOST ? fromHost : toHost).increment(length);
    }
}
