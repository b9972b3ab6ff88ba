package dev.qmodem.command.basic;

import dev.qmodem.at.Arg;
import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stored setting of a configuration command, kept as the read form prints it ({@code 020301},
 * {@code "pulse",120,1000,5000,"off",1}). A new value must match the profile's pattern for the whole parameter list
 * as typed; a named group {@code value} picks the part that is stored (leaving out an {@code <effect>} flag). The
 * fields given replace the stored ones from the left and the rest stay, so a short form ({@code AT+CPSMS=1}) keeps
 * the timers.
 */
final class Setting {

    private static final String VALUE_GROUP = "(?<value>";

    private final Pattern pattern;
    private final boolean hasValueGroup;
    private String value;

    Setting(String initial, Pattern pattern) {
        this.value = initial;
        this.pattern = pattern;
        this.hasValueGroup = pattern.pattern().contains(VALUE_GROUP);
    }

    synchronized String value() {
        return value;
    }

    /** Takes parameters {@code from} onwards as the new value; {@code ERROR}-worthy if they do not match. */
    synchronized void set(Args args, int from) throws AtException {
        Matcher matcher = pattern.matcher(typed(args, from));
        if (!matcher.matches()) {
            throw AtException.invalidParameter("value does not match " + pattern);
        }
        String given = hasValueGroup ? matcher.group("value") : matcher.group();
        if (given != null) {
            value = overlay(given, value);
        }
    }

    private static String typed(Args args, int from) {
        List<String> parts = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            Arg arg = args.get(i);
            parts.add(arg.quoted() ? "\"" + arg.text() + "\"" : arg.text());
        }
        return String.join(",", parts);
    }

    private static String overlay(String given, String stored) {
        List<String> fields = new ArrayList<>(Arrays.asList(stored.split(",", -1)));
        String[] replacements = given.split(",", -1);
        for (int i = 0; i < replacements.length; i++) {
            if (i < fields.size()) {
                fields.set(i, replacements[i]);
            } else {
                fields.add(replacements[i]);
            }
        }
        return String.join(",", fields);
    }
}
