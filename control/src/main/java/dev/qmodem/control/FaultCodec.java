package dev.qmodem.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmodem.fault.Fault;
import dev.qmodem.fault.FaultException;
import dev.qmodem.fault.Faults;

import java.util.Iterator;
import java.util.Set;

/** Faults as the control API writes them: {@code {"kind":"link","down_kbps":800,...}}. */
final class FaultCodec {

    private FaultCodec() {
    }

    /** Reads a fault object; a missing, unknown or malformed field is a {@link FaultException} naming it. */
    static Fault read(JsonNode node) {
        JsonFields f = new JsonFields(node);
        String kind = f.text("kind", null);
        Fault fault = switch (kind) {
            case "link" -> link(f);
            case "uart" -> new Fault.Uart(f.number("baud", -1));
            case "delay" -> new Fault.Delay(f.text("command", null), f.number("ms", -1));
            case "hang" -> new Fault.Hang(f.text("command", null));
            case "cut" -> new Fault.Cut(Fault.Connection.parse(f.text("connection", null)), f.number("after_bytes", -1));
            case "stall" -> new Fault.Stall(Fault.Connection.parse(f.text("connection", null)),
                    f.number("after_bytes", -1));
            case "slice" -> new Fault.Slice((int) Math.min(Integer.MAX_VALUE, f.number("max_bytes", -1)),
                    f.number("gap_ms", 0));
            case "dns" -> new Fault.Dns(f.bool("fail", true));
            case "noise" -> new Fault.Noise(f.probability("to_host_drop"), f.probability("to_host_flip"),
                    f.probability("from_host_drop"), f.probability("from_host_flip"), f.number("seed", 0));
            case "disk" -> new Fault.Disk(f.number("free_bytes", -1));
            default -> throw new FaultException("kind",
                    "must be one of link, uart, delay, hang, cut, stall, slice, dns, noise, disk");
        };
        f.rejectOthers();
        return fault;
    }

    private static Fault link(JsonFields f) {
        if (f.has("preset")) {
            return Fault.Link.preset(f.text("preset", null));
        }
        return new Fault.Link(f.number("down_kbps", 0), f.number("up_kbps", 0), f.number("latency_ms", 0),
                f.number("jitter_ms", 0));
    }

    /** A fault in force: its id, then the fault. */
    static ObjectNode write(Faults.Active active) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", active.id());
        node.setAll(write(active.fault()));
        return node;
    }

    static ObjectNode write(Fault fault) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("kind", fault.kind());
        switch (fault) {
            case Fault.Link l -> node.put("down_kbps", l.downKbps()).put("up_kbps", l.upKbps())
                    .put("latency_ms", l.latencyMs()).put("jitter_ms", l.jitterMs());
            case Fault.Uart u -> node.put("baud", u.baud());
            case Fault.Delay d -> node.put("command", d.command()).put("ms", d.ms());
            case Fault.Hang h -> node.put("command", h.command());
            case Fault.Cut c -> node.put("connection", c.connection().text()).put("after_bytes", c.afterBytes());
            case Fault.Stall s -> node.put("connection", s.connection().text()).put("after_bytes", s.afterBytes());
            case Fault.Slice s -> node.put("max_bytes", s.maxBytes()).put("gap_ms", s.gapMs());
            case Fault.Dns d -> node.put("fail", d.fail());
            case Fault.Noise n -> node.put("to_host_drop", n.toHostDrop()).put("to_host_flip", n.toHostFlip())
                    .put("from_host_drop", n.fromHostDrop()).put("from_host_flip", n.fromHostFlip())
                    .put("seed", n.seed());
            case Fault.Disk d -> node.put("free_bytes", d.freeBytes());
        }
        return node;
    }

    /** Reads the fields of one JSON object, remembering which were read so that a stray one can be named. */
    static final class JsonFields {

        private final JsonNode node;
        private final Set<String> read = new java.util.HashSet<>();

        JsonFields(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw new FaultException("body", "must be a JSON object");
            }
            this.node = node;
        }

        boolean has(String name) {
            return node.has(name) && !node.get(name).isNull();
        }

        /** A text field; {@code fallback} when absent, or an error if the fallback is null. */
        String text(String name, String fallback) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (fallback == null) {
                    throw new FaultException(name, "is required");
                }
                return fallback;
            }
            if (!value.isTextual()) {
                throw new FaultException(name, "must be a string");
            }
            return value.asText();
        }

        /** A whole number; {@code fallback} when absent, or an error if the fallback is negative. */
        long number(String name, long fallback) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (fallback < 0) {
                    throw new FaultException(name, "is required");
                }
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new FaultException(name, "must be a whole number");
            }
            return value.asLong();
        }

        double probability(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return 0;
            }
            if (!value.isNumber()) {
                throw new FaultException(name, "must be a number between 0 and 1");
            }
            return value.asDouble();
        }

        /** A required field that is itself a JSON object. */
        JsonNode object(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new FaultException(name, "is required");
            }
            if (!value.isObject()) {
                throw new FaultException(name, "must be a JSON object");
            }
            return value;
        }

        boolean bool(String name, boolean fallback) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new FaultException(name, "must be true or false");
            }
            return value.asBoolean();
        }

        /** Fails on the first field that nothing read: a typo must not pass as a fault with defaults. */
        void rejectOthers() {
            read.add("kind");
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw new FaultException(name, "is not a field of this kind");
                }
            }
        }
    }
}
