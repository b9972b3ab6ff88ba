package dev.qmodem.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmodem.fault.FaultException;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleEvents;

import java.util.function.Function;

/** Events as the control API takes them: {@code {"kind":"pdp-deactivate","context":1}}, applied at once. */
final class EventCodec {

    private EventCodec() {
    }

    /** Applies the event to {@code module}; returns a short description of what happened. */
    static String apply(JsonNode node, EmulatedModule module) {
        return read(node, false).apply(module);
    }

    /**
     * Reads and checks an event, to apply later. {@code beforeResponse}: a {@code urc} is written at once even
     * while a command runs (a scenario step fired by the host's line).
     */
    static Function<EmulatedModule, String> read(JsonNode node, boolean beforeResponse) {
        FaultCodec.JsonFields f = new FaultCodec.JsonFields(node);
        String kind = f.text("kind", null);
        Function<EmulatedModule, String> action = switch (kind) {
            case "pdp-deactivate" -> {
                int context = (int) Math.min(Integer.MAX_VALUE, f.number("context", 1));
                if (context < 1 || context > 16) {
                    throw new FaultException("context", "must be 1-16");
                }
                yield module -> module.events().pdpDeactivate(context) ? "context " + context + " deactivated"
                        : "context " + context + " was not active";
            }
            case "urc" -> {
                String text = f.text("text", null);
                ModuleEvents.requireUrcLine(text);
                yield module -> {
                    if (beforeResponse) {
                        module.events().urcBeforeResponse(text);
                    } else {
                        module.events().urc(text);
                    }
                    return "urc written";
                };
            }
            case "reboot" -> module -> {
                module.events().reboot();
                return "rebooting";
            };
            case "power-off" -> module -> {
                module.events().powerOff();
                return "powered off";
            };
            case "power-on" -> module -> {
                module.events().powerOn();
                return "powering on";
            };
            case "registration" -> {
                String state = f.text("state", null);
                ModuleEvents.registrationStat(state);
                yield module -> {
                    module.events().registration(state);
                    return "registration " + state;
                };
            }
            case "signal" -> {
                int rssi = (int) Math.min(Integer.MAX_VALUE, f.number("rssi", -1));
                int ber = (int) Math.min(Integer.MAX_VALUE, f.number("ber", 99));
                ModuleEvents.requireSignal(rssi, ber);
                yield module -> {
                    module.events().signal(rssi, ber);
                    return "signal " + rssi + "," + ber;
                };
            }
            default -> throw new FaultException("kind",
                    "must be one of pdp-deactivate, urc, reboot, power-off, power-on, registration, signal");
        };
        f.rejectOthers();
        return action;
    }
}
