package dev.qmodem.at;

import java.util.HashMap;
import java.util.Map;

/** The commands a module answers, by name as typed after AT ({@code +QFTPCFG}, {@code E}, {@code &D}). */
public final class CommandRegistry {

    private final Map<String, AtCommandHandler> handlers = new HashMap<>();

    public CommandRegistry register(String name, AtCommandHandler handler) {
        if (handlers.putIfAbsent(name, handler) != null) {
            throw new IllegalArgumentException("command registered twice: " + name);
        }
        return this;
    }

    public AtCommandHandler find(String name) {
        return handlers.get(name);
    }
}
