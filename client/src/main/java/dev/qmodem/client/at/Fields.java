package dev.qmodem.client.at;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the parameters of a response line such as {@code +QFLST: "RAM:a,b.txt",1000} into
 * {@code [RAM:a,b.txt, 1000]}: after the first {@code ": "}, on commas outside double quotes, each field trimmed
 * and unquoted.
 */
public final class Fields {

    private Fields() {
    }

    /** The parameters of {@code line}; the whole line if it has no {@code name:} part. */
    public static List<String> of(String line) {
        return split(parameters(line));
    }

    /** The text after the response name ({@code "0,/"} for {@code "+QFTPPWD: 0,/"}), trimmed. */
    public static String parameters(String line) {
        int colon = line.startsWith("+") ? line.indexOf(':') : -1;
        return (colon < 0 ? line : line.substring(colon + 1)).trim();
    }

    /** Removes one pair of surrounding double quotes, after trimming. */
    public static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /**
     * The integer field {@code index}.
     *
     * @throws ModemException naming {@code line} if the field is missing or not a number
     */
    public static long number(List<String> fields, int index, String line) throws ModemException {
        try {
            return Long.parseLong(fields.get(index));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new ModemException(null, "unexpected response line '" + line + "'", e);
        }
    }

    private static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                fields.add(unquote(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!text.isEmpty()) {
            fields.add(unquote(current.toString()));
        }
        return fields;
    }
}
