package dev.qmodem.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.qmodem.at.CommandObserver;
import dev.qmodem.fault.Fault;
import dev.qmodem.fault.FaultException;
import dev.qmodem.module.EmulatedModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted run of faults and events ({@code serve --scenario FILE.yaml}), checked whole when loaded:
 * <pre>
 * seed: 42                      # the seed of the link jitter, and of noise faults that do not give their own
 * steps:
 *   - at: 2s                    # after the scenario starts
 *     event: {kind: urc, text: '+QIURC: "custom"'}
 *   - after: AT+QFTPGET         # when the host sends a line starting with this (the n-th with count: n)
 *     count: 1
 *     delay: 100ms
 *     event: {kind: pdp-deactivate, context: 1}
 *   - after: AT+QFTPOPEN
 *     fault: {kind: link, preset: nbiot}
 * </pre>
 * Each step fires once. A step fired by {@code after} without a delay runs before that command runs, so its URC
 * lands before the command's response.
 */
public final class Scenario {

    private static final Logger log = LoggerFactory.getLogger(Scenario.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    /** One step: when it fires and what it does. */
    private record Step(int index, long atMillis, String afterPrefix, int count, long delayMillis,
                        Function<EmulatedModule, String> action) {
    }

    private final long seed;
    private final List<Step> steps;

    private Scenario(long seed, List<Step> steps) {
        this.seed = seed;
        this.steps = steps;
    }

    /** Reads and checks a scenario file; a bad step is a {@link FaultException} naming it ({@code steps[2].at}). */
    public static Scenario load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static Scenario parse(String yaml) throws IOException {
        JsonNode root = new YAMLMapper().readTree(yaml);
        if (root == null || !root.isObject()) {
            throw new FaultException("scenario", "must be a mapping with seed and steps");
        }
        long seed = root.path("seed").asLong(0);
        JsonNode list = root.path("steps");
        if (!list.isArray()) {
            throw new FaultException("steps", "must be a list");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(i, list.get(i), seed));
        }
        return new Scenario(seed, List.copyOf(steps));
    }

    private static Step step(int index, JsonNode node, long seed) {
        try {
            boolean timed = node.has("at");
            boolean triggered = node.has("after");
            if (timed == triggered) {
                throw new FaultException("at", "or after: exactly one of them says when the step fires");
            }
            long at = timed ? millis("at", node.get("at")) : -1;
            String after = triggered ? node.get("after").asText().strip().toUpperCase(Locale.ROOT) : null;
            int count = node.path("count").asInt(1);
            if (count < 1) {
                throw new FaultException("count", "must be 1 or more");
            }
            long delay = node.has("delay") ? millis("delay", node.get("delay")) : 0;
            Function<EmulatedModule, String> action;
            if (node.has("fault") == node.has("event")) {
                throw new FaultException("fault", "or event: exactly one of them says what the step does");
            }
            if (node.has("fault")) {
                Fault fault = FaultCodec.read(withSeed(node.get("fault"), seed + index));
                action = module -> "fault " + module.faults().add(fault).id() + " set";
            } else {
                action = EventCodec.read(node.get("event"), triggered && delay == 0);
            }
            return new Step(index, at, after, count, delay, action);
        } catch (FaultException e) {
            throw e.within("steps[" + index + "]");
        }
    }

    /** A noise fault without its own seed takes the scenario's, so a run replays exactly. */
    private static JsonNode withSeed(JsonNode fault, long seed) {
        if (fault instanceof ObjectNode object && "noise".equals(object.path("kind").asText())
                && !object.has("seed")) {
            return object.deepCopy().put("seed", seed);
        }
        return fault;
    }

    private static long millis(String field, JsonNode value) {
        Matcher m = DURATION.matcher(value.asText().strip());
        if (!m.matches()) {
            throw new FaultException(field, "must be a duration such as 250ms, 2s or 1m");
        }
        double amount = Double.parseDouble(m.group(1));
        return Math.round(amount * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000;
        });
    }

    public long seed() {
        return seed;
    }

    /**
     * Starts the scenario on {@code module}: its seed seeds the module's link jitter, timed steps count from now,
     * triggered ones watch the host's lines.
     */
    public void start(EmulatedModule module) {
        module.faults().seed(seed);
        for (Step step : steps) {
            if (step.afterPrefix() == null) {
                module.clock().schedule(() -> fire(step, module), step.atMillis(), TimeUnit.MILLISECONDS);
            }
        }
        List<Step> triggered = steps.stream().filter(s -> s.afterPrefix() != null).toList();
        if (triggered.isEmpty()) {
            return;
        }
        List<AtomicInteger> seen = triggered.stream().map(s -> new AtomicInteger()).toList();
        module.addCommandObserver(new CommandObserver() {
            @Override
            public void lineReceived(String line) {
                String upper = line.toUpperCase(Locale.ROOT);
                for (int i = 0; i < triggered.size(); i++) {
                    Step step = triggered.get(i);
                    if (upper.startsWith(step.afterPrefix()) && seen.get(i).incrementAndGet() == step.count()) {
                        if (step.delayMillis() == 0) {
                            fire(step, module);
                        } else {
                            module.clock().schedule(() -> fire(step, module), step.delayMillis(),
                                    TimeUnit.MILLISECONDS);
                        }
                    }
                }
            }
        });
    }

    private static void fire(Step step, EmulatedModule module) {
        try {
            log.info("scenario step {}: {}", step.index(), step.action().apply(module));
        } catch (RuntimeException e) {
            log.warn("scenario step {} failed: {}", step.index(), e.getMessage());
        }
    }
}
