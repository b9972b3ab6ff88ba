package dev.qmodem.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmodem.fault.FaultException;
import dev.qmodem.module.EmulatedModule;

/** Events as the control API takes them: {@code {"kind":"pdp-deactivate","context":1}}, applied at once. */
final class EventCodec {

    /** An event this build does not model yet; the API answers 501. */
    static final class NotModelled extends RuntimeException {
        NotModelled(String kind) {
            super("event " + kind + " is not modelled yet");
        }
    }

    private EventCodec() {
    }

    /** Applies the event to {@code module}; returns a short description of what happened. */
    static String apply(JsonNode node, EmulatedModule module) {
        FaultCodec.JsonFields f = new FaultCodec.JsonFields(node);
        String kind = f.text("kind", null);
        String outcome = switch (kind) {
            case "pdp-deactivate" -> {
                long context = f.number("context", 1);
                if (context < 1 || context > 16) {
                    throw new FaultException("context", "must be 1-16");
                }
                f.rejectOthers();
                yield module.deactivateContext((int) context) ? "context " + context + " deactivated"
                        : "context " + context + " was not active";
            }
            case "urc" -> {
                String text = f.text("text", null);
                if (text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw new FaultException("text", "must be one non-empty line without control characters");
                }
                f.rejectOthers();
                module.injectUrc(text);
                yield "urc written";
            }
            case "reboot", "power-off", "power-on", "registration", "signal" -> throw new NotModelled(kind);
            default -> throw new FaultException("kind",
                    "must be one of pdp-deactivate, urc, reboot, power-off, power-on, registration, signal");
        };
        return outcome;
    }
}
