package dev.qmodem.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A load workload as written in YAML: the fleet, the server, how long each module loops, and the host session it
 * runs (see docs/fleet.md).
 *
 * @param count      modules in the whole fleet (a shard runs its part)
 * @param model      one model or a mix, as {@code --model} takes it
 * @param server     the FTP server, or null for the embedded one
 * @param iterations loops per module, or 0 when {@code duration} decides
 * @param duration   how long each module loops, or null when {@code iterations} decides
 * @param ramp       modules start spread evenly over this time
 * @param setup      steps run once per module before the loop
 * @param session    the steps of one loop
 * @param recover    steps run after a loop whose step failed, before the next loop
 */
public record Workload(int count, String model, Server server, int iterations, Duration duration, Duration ramp,
                       List<Step> setup, List<Step> session, List<Step> recover) {

    /** The FTP server the modules talk to, as the session's {@code ${server.*}} placeholders give it. */
    public record Server(String host, int port, String user, String password) {
    }

    // Generous: a fleet's own latency on a busy machine must not be mistaken for the back end's failure.
    private static final Duration AT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration URC_TIMEOUT = Duration.ofSeconds(150);
    private static final Set<String> TOP = Set.of("fleet", "server", "iterations", "duration", "ramp", "setup",
            "session", "recover");

    public Workload {
        setup = List.copyOf(setup);
        session = List.copyOf(session);
        recover = List.copyOf(recover);
    }

    /**
     * Reads a workload file.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Workload read(Path file) throws IOException {
        return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    }

    /** The example workload of docs/fleet.md (open, put 10 KiB, get it back, close, sleep 1s~0.5s). */
    public static Workload example() {
        try (var in = Workload.class.getResourceAsStream("example-workload.yaml")) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the example workload is part of qmodem", e);
        }
    }

    /** The same session for another fleet, loop count and ramp. */
    public Workload resized(int count, String model, int iterations, Duration ramp) {
        return new Workload(count, model, server, iterations, null, ramp, setup, session, recover);
    }

    /** Parses workload YAML text. */
    public static Workload parse(String yaml) throws IOException {
        return parse(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    private static Workload parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a workload is a YAML mapping with fleet, session, ...");
        }
        unknownFields(root, TOP, "the workload");
        JsonNode fleet = required(root, "fleet", "the workload");
        unknownFields(fleet, Set.of("count", "model"), "fleet");
        int count = positive(required(fleet, "count", "fleet"), "fleet.count");
        String model = fleet.path("model").asText("BG95");
        Server server = root.has("server") ? server(root.get("server")) : null;
        int iterations = root.has("iterations") ? positive(root.get("iterations"), "iterations") : 0;
        Duration duration = root.has("duration") ? duration(root.get("duration"), "duration") : null;
        if (iterations > 0 && duration != null) {
            throw new IllegalArgumentException("give iterations or duration, not both");
        }
        if (iterations == 0 && duration == null) {
            iterations = 1;
        }
        Duration ramp = root.has("ramp") ? duration(root.get("ramp"), "ramp") : Duration.ZERO;
        List<Step> session = steps(required(root, "session", "the workload"), "session");
        if (session.isEmpty()) {
            throw new IllegalArgumentException("session: needs at least one step");
        }
        return new Workload(count, model, server, iterations, duration, ramp,
                root.has("setup") ? steps(root.get("setup"), "setup") : List.of(), session,
                root.has("recover") ? steps(root.get("recover"), "recover") : List.of());
    }

    private static Server server(JsonNode node) {
        unknownFields(node, Set.of("host", "port", "user", "password"), "server");
        return new Server(text(required(node, "host", "server"), "server.host"),
                positive(required(node, "port", "server"), "server.port"),
                node.path("user").asText("anonymous"), node.path("password").asText(""));
    }

    private static List<Step> steps(JsonNode list, String where) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list of steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(list.get(i), where + "[" + i + "]"));
        }
        return steps;
    }

    private static Step step(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a step is a mapping such as {at: AT}");
        }
        String name = node.has("name") ? text(node.get("name"), where + ".name") : null;
        if (node.has("at")) {
            unknownFields(node, Set.of("at", "urc", "timeout", "name"), where);
            String line = template(node.get("at"), where + ".at");
            String urc = node.has("urc") ? text(node.get("urc"), where + ".urc") : null;
            Duration timeout = node.has("timeout") ? duration(node.get("timeout"), where + ".timeout")
                    : urc != null ? URC_TIMEOUT : AT_TIMEOUT;
            return new Step.At(name != null ? name : line, line, urc, timeout);
        }
        if (node.has("put") || node.has("get")) {
            boolean put = node.has("put");
            String kind = put ? "put" : "get";
            unknownFields(node, Set.of(kind, "name"), where);
            JsonNode spec = node.get(kind);
            unknownFields(spec, Set.of("name", "size", "timeout"), where + "." + kind);
            String file = template(required(spec, "name", where + "." + kind), where + "." + kind + ".name");
            long size = spec.has("size") ? size(spec.get("size"), where + "." + kind + ".size") : -1;
            if (put && size < 0) {
                throw new IllegalArgumentException(where + ".put: size is required");
            }
            Duration timeout = spec.has("timeout") ? duration(spec.get("timeout"), where + "." + kind + ".timeout")
                    : URC_TIMEOUT;
            String stepName = name != null ? name : kind + " " + file;
            return put ? new Step.Put(stepName, file, size, timeout) : new Step.Get(stepName, file, size, timeout);
        }
        if (node.has("sleep")) {
            unknownFields(node, Set.of("sleep", "name"), where);
            String text = text(node.get("sleep"), where + ".sleep");
            String[] parts = text.split("~", 2);
            try {
                Duration mean = Quantities.duration(parts[0]);
                Duration spread = parts.length > 1 ? Quantities.duration(parts[1]) : Duration.ZERO;
                if (spread.compareTo(mean) > 0) {
                    throw new IllegalArgumentException("the spread is larger than the mean");
                }
                return new Step.Sleep(name != null ? name : "sleep " + text, mean, spread);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".sleep: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(where + ": a step is one of at, put, get, sleep");
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!known.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "'");
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is required");
        }
        return value;
    }

    private static String text(JsonNode node, String where) {
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(where + ": expected text");
        }
        return node.asText();
    }

    private static String template(JsonNode node, String where) {
        String text = text(node, where);
        try {
            Template.check(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        return text;
    }

    private static int positive(JsonNode node, String where) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() <= 0) {
            throw new IllegalArgumentException(where + ": expected a positive whole number, got " + node);
        }
        return node.asInt();
    }

    private static Duration duration(JsonNode node, String where) {
        try {
            return Quantities.duration(text(node, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long size(JsonNode node, String where) {
        try {
            return Quantities.size(text(node, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
