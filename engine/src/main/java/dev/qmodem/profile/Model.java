package dev.qmodem.profile;

import java.util.Locale;

/** The Quectel modules qmodem can be. */
public enum Model {
    UC20, BG95, BG77;

    /** Parses a model name case-insensitively, as given on the command line. */
    public static Model parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
