package dev.qmodem.control;

import dev.qmodem.control.ControlServer.Controlled;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The web inspector: the page at {@code /} (plain HTML, CSS and JavaScript modules from the jar) and the few
 * endpoints only it needs beside the control API:
 * <pre>
 * GET    /api/modules/{id}/files            the UFS (and RAM) files, with total and free bytes per drive
 * GET    /api/modules/{id}/files/{name}     one file's bytes
 * PUT    /api/modules/{id}/files/{name}     a new file from the request body; 201
 * DELETE /api/modules/{id}/files/{name}     deletes one file; 204
 * GET    /api/modules/{id}/commands         the latest command latencies (final result, and FTP URCs)
 * WS     /api/modules/{id}/console          a host over a WebSocket: bytes typed in, the module's bytes out
 * </pre>
 */
final class Inspector {

    private static final String PAGE = "/dev/qmodem/control/inspector";

    private final Function<String, Controlled> modules;
    private final Map<String, CommandLatency> latencies = new ConcurrentHashMap<>();

    Inspector(Function<String, Controlled> modules) {
        this.modules = modules;
    }

    void install(JavalinConfig config) {
        config.staticFiles.add(page -> {
            page.hostedPath = "/";
            page.directory = PAGE;
            page.location = Location.CLASSPATH;
        });
        UfsRoutes.install(config.routes, modules);
        config.routes.get("/api/modules/{id}/commands", ctx -> {
            Controlled c = modules.apply(ctx.pathParam("id"));
            ctx.json(latencies.get(c.id()).recent());
        });
        config.routes.ws("/api/modules/{id}/console", ws -> ConsoleSocket.configure(ws, modules));
    }

    /** Starts watching a module's command latencies. */
    void register(Controlled controlled) {
        CommandLatency latency = new CommandLatency();
        controlled.module().addCommandObserver(latency);
        latencies.put(controlled.id(), latency);
    }
}
