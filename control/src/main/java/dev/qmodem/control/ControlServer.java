package dev.qmodem.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmodem.fault.Fault;
import dev.qmodem.fault.FaultException;
import dev.qmodem.fault.Faults;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleState;
import dev.qmodem.network.PdpContexts;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The control API of one process's modules (one for {@code serve}, N for a fleet), over HTTP and JSON:
 * <pre>
 * GET    /api/modules                        every module: id, model, endpoint, host connected, data mode
 * GET    /api/modules/{id}                   its state: pdp, ftp.stat, faults
 * POST   /api/modules/{id}/faults            a fault object; 201 with its "id"
 * GET    /api/modules/{id}/faults            the faults in force
 * DELETE /api/modules/{id}/faults[/{fid}]    removes all, or one
 * POST   /api/modules/{id}/events            an event object; 202, applied at once
 * GET    /api/modules/{id}/trace             the live trace, text/event-stream
 * POST   /api/faults                         {"modules":"0-99"|"all"|"3,5,7-9","fault":{...}}; 201 with the ids
 * DELETE /api/faults?modules=...             removes every fault of the selected modules
 * GET    /                                   the web inspector, and its endpoints ({@link Inspector})
 * GET    /metrics                            Prometheus text format
 * </pre>
 * A bad request is 400 with {@code {"error":..., "field":...}}; an unknown module or fault 404.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

    /** The default address of the control API. */
    public static final InetSocketAddress DEFAULT_ADDRESS = new InetSocketAddress("127.0.0.1", 8333);

    /** A module under control and where hosts reach it. */
    public record Controlled(String id, EmulatedModule module, String endpoint) {
    }

    /** Jackson, made on first use: an ObjectMapper and Javalin's adapter cost the API's start-up ~400 classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JavalinJackson JAVALIN = new JavalinJackson(MAPPER, false);
    }

    /** Javalin's JSON through {@link Json}, so that no Jackson class loads before the first JSON request. */
    private static final class LazyJson implements JsonMapper {
        @Override
        public String toJsonString(Object value, Type type) {
            return Json.JAVALIN.toJsonString(value, type);
        }

        @Override
        public InputStream toJsonStream(Object value, Type type) {
            return Json.JAVALIN.toJsonStream(value, type);
        }

        @Override
        public void writeToOutputStream(Stream<?> values, OutputStream out) {
            Json.JAVALIN.writeToOutputStream(values, out);
        }

        @Override
        public <T> T fromJsonString(String text, Type type) {
            return Json.JAVALIN.fromJsonString(text, type);
        }

        @Override
        public <T> T fromJsonStream(InputStream text, Type type) {
            return Json.JAVALIN.fromJsonStream(text, type);
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Controlled> modules = new CopyOnWriteArrayList<>();
    private final Map<String, Controlled> byId = new ConcurrentHashMap<>();
    private final Inspector inspector = new Inspector(this::find);
    private final Javalin app;
    private final java.util.Set<Thread> traceFollowers = ConcurrentHashMap.newKeySet();

    /** Guarded by this: whether the JVM's meters are bound, on the first scrape. */
    private boolean jvmMetricsBound;

    private ControlServer(InetSocketAddress address) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new LazyJson());
            config.routes.get("/api/modules", this::listModules);
            config.routes.get("/api/modules/{id}", this::showModule);
            config.routes.get("/api/modules/{id}/faults", ctx -> ctx.json(faults(module(ctx).module().faults())));
            config.routes.post("/api/modules/{id}/faults", this::addFault);
            config.routes.delete("/api/modules/{id}/faults", ctx -> {
                module(ctx).module().faults().clear();
                ctx.status(HttpStatus.NO_CONTENT);
            });
            config.routes.delete("/api/modules/{id}/faults/{faultId}", this::removeFault);
            config.routes.post("/api/modules/{id}/events", this::applyEvent);
            config.routes.get("/api/modules/{id}/trace", this::followTrace);
            config.routes.post("/api/faults", this::addFaultToSelection);
            config.routes.delete("/api/faults", ctx -> {
                select(ctx.queryParam(ModuleSelection.FIELD)).forEach(c -> c.module().faults().clear());
                ctx.status(HttpStatus.NO_CONTENT);
            });
            inspector.install(config);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(scrape()));
            config.routes.exception(FaultException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                    e.getMessage(), e.field()));
            config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage(), null));
            config.routes.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                    "body is not JSON: " + e.getOriginalMessage(), "body"));
        });
        app.start(address.getHostString(), address.getPort());
    }

    /**
     * The Prometheus text. The JVM's meters are bound on the first scrape, not at start: with the management beans
     * they load, they cost {@code serve} a good part of its start-up.
     */
    private String scrape() {
        synchronized (this) {
            if (!jvmMetricsBound) {
                jvmMetricsBound = true;
                new ClassLoaderMetrics().bindTo(metrics);
                new JvmMemoryMetrics().bindTo(metrics);
                new JvmGcMetrics().bindTo(metrics);
                new JvmThreadMetrics().bindTo(metrics);
                new ProcessorMetrics().bindTo(metrics);
            }
        }
        return metrics.scrape();
    }

    /**
     * Starts the API on {@code address}. An address that is not loopback is refused unless {@code allowRemote}:
     * the API changes what the modules do, and has no authentication.
     */
    public static ControlServer start(InetSocketAddress address, boolean allowRemote) {
        if (!allowRemote && !isLoopback(address)) {
            throw new IllegalArgumentException("the control API listens on loopback only unless told otherwise: "
                    + address.getHostString() + " is not a loopback address");
        }
        // Jetty sizes its queue padding from the platform MBean server unless told the usual value (16 references
        // of 4 bytes per 64-byte cache line): creating that server would be the slowest step of the API's start.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
        return new ControlServer(address);
    }

    private static boolean isLoopback(InetSocketAddress address) {
        try {
            return InetAddress.getByName(address.getHostString()).isLoopbackAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + address.getHostString(), e);
        }
    }

    /** Puts a module under control with the next id ("0", "1", ...) and returns the id. */
    public synchronized String register(EmulatedModule module, String endpoint) {
        String id = Integer.toString(modules.size());
        register(id, module, endpoint);
        return id;
    }

    /**
     * Puts a module under control with its own id, as a fleet's shard numbers its modules past 0. Register in id
     * order: the list answers in the order registered.
     *
     * @throws IllegalArgumentException if the id is taken
     */
    public synchronized void register(String id, EmulatedModule module, String endpoint) {
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("module " + id + " is already under control");
        }
        Controlled controlled = new Controlled(id, module, endpoint);
        ModuleMetrics.bind(metrics, id, module);
        inspector.register(controlled);
        modules.add(controlled);
        byId.put(id, controlled);
    }

    /** The port the API listens on (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** The modules under control, in id order. */
    public List<Controlled> modules() {
        return List.copyOf(modules);
    }

    private Controlled module(Context ctx) {
        return find(ctx.pathParam("id"));
    }

    /** The module with this id; {@link NotFound} (404) if there is none. */
    Controlled find(String id) {
        Controlled found = byId.get(id);
        if (found == null) {
            throw new NotFound("no module " + id);
        }
        return found;
    }

    private void listModules(Context ctx) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Controlled c : modules) {
            ModuleState state = c.module().state();
            ObjectNode entry = list.addObject();
            entry.put("id", c.id()).put("model", state.model().name()).put("endpoint", c.endpoint())
                    .put("hostConnected", state.hostConnected()).put("dataMode", state.dataMode())
                    .put("ftpStat", state.ftpStat()).put("faults", c.module().faults().list().size());
            ArrayNode pdpActive = entry.putArray("pdpActive");
            state.pdp().forEach(a -> pdpActive.add(a.contextId()));
            ArrayNode faultKinds = entry.putArray("faultKinds");
            c.module().faults().list().forEach(active -> faultKinds.add(active.fault().kind()));
        }
        ctx.json(list);
    }

    private void showModule(Context ctx) {
        Controlled c = module(ctx);
        ModuleState state = c.module().state();
        ObjectNode node = Json.MAPPER.createObjectNode().put("id", c.id()).put("model", state.model().name())
                .put("endpoint", c.endpoint()).put("hostConnected", state.hostConnected())
                .put("dataMode", state.dataMode()).put("seed", c.module().faults().seed());
        ArrayNode pdp = node.putArray("pdp");
        for (PdpContexts.Activation a : state.pdp()) {
            pdp.addObject().put("context", a.contextId()).put("active", true).put("address", a.address());
        }
        node.putObject("ftp").put("stat", state.ftpStat()).put("transferLength", state.ftpTransferLength());
        node.set("faults", faults(c.module().faults()));
        ctx.json(node);
    }

    private ArrayNode faults(Faults faults) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        faults.list().forEach(active -> list.add(FaultCodec.write(active)));
        return list;
    }

    private void addFault(Context ctx) throws JsonProcessingException {
        Controlled c = module(ctx);
        Faults.Active added = c.module().faults().add(FaultCodec.read(body(ctx)));
        ctx.status(HttpStatus.CREATED).json(FaultCodec.write(added));
    }

    /** Adds one fault to every selected module; the fault is checked before any module gets it. */
    private void addFaultToSelection(Context ctx) throws JsonProcessingException {
        FaultCodec.JsonFields request = new FaultCodec.JsonFields(body(ctx));
        List<Controlled> selected = select(request.text(ModuleSelection.FIELD, null));
        JsonNode faultNode = request.object("fault");
        request.rejectOthers();
        Fault fault;
        try {
            fault = FaultCodec.read(faultNode);
        } catch (FaultException e) {
            throw e.within("fault");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode created = answer.putArray("created");
        for (Controlled c : selected) {
            Faults.Active added = c.module().faults().add(fault);
            created.addObject().put("module", c.id()).put("id", added.id());
        }
        answer.set("fault", FaultCodec.write(fault));
        ctx.status(HttpStatus.CREATED).json(answer);
    }

    private List<Controlled> select(String selection) {
        return ModuleSelection.select(selection, modules, byId);
    }

    private void removeFault(Context ctx) {
        Controlled c = module(ctx);
        if (!c.module().faults().remove(ctx.pathParam("faultId"))) {
            throw new NotFound("no fault " + ctx.pathParam("faultId") + " on module " + c.id());
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void applyEvent(Context ctx) throws JsonProcessingException {
        Controlled c = module(ctx);
        String outcome = EventCodec.apply(body(ctx), c.module());
        ctx.status(HttpStatus.ACCEPTED).json(Json.MAPPER.createObjectNode().put("outcome", outcome));
    }

    private JsonNode body(Context ctx) throws JsonProcessingException {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new FaultException("body", "is empty: a JSON object is expected");
        }
        return Json.MAPPER.readTree(text);
    }

    /**
     * Streams the trace as server-sent events on the request's own thread until the follower goes away. Not Javalin's
     * SSE support: when a follower left, Jetty recycled the request before Javalin finished it, and Javalin's exception
     * handling then looped without end (Javalin 7.2.3).
     */
    private void followTrace(Context ctx) throws IOException {
        Controlled c = module(ctx);
        ctx.status(HttpStatus.OK).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        TraceStream stream = new TraceStream(ctx.res().getOutputStream(), Json.MAPPER);
        c.module().trace().add(stream);
        traceFollowers.add(Thread.currentThread());
        try {
            stream.pump();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("trace follower gone: {}", e.toString());
        } finally {
            traceFollowers.remove(Thread.currentThread());
            c.module().trace().remove(stream);
        }
    }

    private static void error(Context ctx, HttpStatus status, String message, String field) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        ctx.status(status).json(body);
    }

    /** Ends every trace stream, then stops the server. */
    @Override
    public void close() {
        traceFollowers.forEach(Thread::interrupt);
        app.stop();
        metrics.close();
    }
}
