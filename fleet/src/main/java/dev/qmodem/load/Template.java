package dev.qmodem.load;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} placeholders in workload text: {@code id}, {@code iter} and {@code server.host|port|user|password}. */
final class Template {

    static final Set<String> NAMES = Set.of("id", "iter", "server.host", "server.port", "server.user", "server.password");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Template() {
    }

    /** @throws IllegalArgumentException naming the first placeholder that is not one of {@link #NAMES} */
    static void check(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder ${" + m.group(1) + "} in '" + text
                        + "': use " + String.join(", ", NAMES.stream().sorted().map(n -> "${" + n + "}").toList()));
            }
        }
    }

    static String fill(String text, Map<String, String> values) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
