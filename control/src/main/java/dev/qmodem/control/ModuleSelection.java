package dev.qmodem.control;

import dev.qmodem.control.ControlServer.Controlled;
import dev.qmodem.fault.FaultException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules a request for many names: {@code all}, or ids and ranges such as {@code 0-99} or {@code 3,5,7-9}.
 * Every id named must be a module of this process, so a typo fails instead of quietly selecting fewer.
 */
final class ModuleSelection {

    static final String FIELD = "modules";
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(?:\\s*-\\s*(\\d{1,9}))?");

    private ModuleSelection() {
    }

    /**
     * The selected modules in id order.
     *
     * @throws FaultException naming {@code modules} for a missing or malformed selection or an id that is not here
     */
    static List<Controlled> select(String text, List<Controlled> modules, Map<String, Controlled> byId) {
        if (text == null || text.isBlank()) {
            throw new FaultException(FIELD, "is required: all, an id, or ids and ranges such as 0-99 or 3,5,7-9");
        }
        if (text.strip().toLowerCase(Locale.ROOT).equals("all")) {
            return modules;
        }
        Set<String> selected = new HashSet<>();
        for (String part : text.split(",")) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new FaultException(FIELD, "has '" + part.strip()
                        + "', which is neither an id nor a range such as 0-99");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (last < first) {
                throw new FaultException(FIELD, "has the range " + first + "-" + last + ", which runs backwards");
            }
            // stops at the first id that is not here, so a huge range costs no more than the modules there are
            for (int id = first; id <= last; id++) {
                String key = Integer.toString(id);
                if (!byId.containsKey(key)) {
                    throw new FaultException(FIELD, "names module " + key + ", which this process does not run");
                }
                selected.add(key);
            }
        }
        return modules.stream().filter(c -> selected.contains(c.id())).toList();
    }
}
