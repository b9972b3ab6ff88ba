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
                int context = (int) Math.min(Integer.MAX_VALUE, f.number("context", 1));
                f.rejectOthers();
                yield module.events().pdpDeactivate(context) ? "context " + context + " deactivated"
                        : "context " + context + " was not active";
            }
            case "urc" -> {
                String text = f.text("text", null);
                f.rejectOthers();
                module.events().urc(text);
                yield "urc written";
            }
            case "reboot", "power-off", "power-on", "registration", "signal" -> throw new NotModelled(kind);
            default -> throw new FaultException("kind",
                    "must be one of pdp-deactivate, urc, reboot, power-off, power-on, registration, signal");
        };
        return outcome;
    }
}
