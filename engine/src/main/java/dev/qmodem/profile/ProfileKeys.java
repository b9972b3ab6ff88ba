package dev.qmodem.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every key a profile may hold and the type of its value. A profile is checked against this table when it loads,
 * so a misspelt key or a value of the wrong type stops the module at start-up instead of failing mid-session.
 * A new key is one line here; {@code *} stands for one dotted segment.
 */
final class ProfileKeys {

    /** How a value is written. */
    enum Type {
        TEXT, FLAG, INTEGER, MILLIS, HEX, RANGE, WORDS, HEX_WORDS;

        /** Whether {@code +=} and {@code -=} apply: the value is a list of words. */
        boolean isList() {
            return this == WORDS || this == HEX_WORDS;
        }

        void check(String value) {
            String v = value.trim();
            switch (this) {
                case TEXT, WORDS -> {
                }
                case FLAG -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException("not true or false");
                    }
                }
                case INTEGER -> Long.parseLong(v);
                case MILLIS -> {
                    if (Long.parseLong(v) < 0) {
                        throw new IllegalArgumentException("a duration is 0 ms or more");
                    }
                }
                case HEX -> Long.decode(v);
                case RANGE -> IntRange.parse(v);
                case HEX_WORDS -> ModelProfile.words(v).forEach(Long::decode);
            }
        }
    }

    private static final Map<String, Type> EXACT = Map.ofEntries(
            Map.entry("commands", Type.WORDS),
            Map.entry("line.max", Type.INTEGER),
            Map.entry("data.late_lf_ms", Type.INTEGER),
            Map.entry("timing.link", Type.TEXT),
            Map.entry("pdp.contexts", Type.RANGE),
            Map.entry("pdp.context_type", Type.RANGE),
            Map.entry("pdp.authentication", Type.RANGE),
            Map.entry("pdp.max_active", Type.INTEGER),
            Map.entry("pdp.address.base", Type.TEXT),
            Map.entry("default.echo", Type.FLAG),
            Map.entry("default.verbose", Type.FLAG),
            Map.entry("default.quiet", Type.FLAG),
            Map.entry("ftp.cfg.params", Type.WORDS),
            Map.entry("ftp.len.after_ok", Type.FLAG),
            Map.entry("ftp.limit.username", Type.INTEGER),
            Map.entry("ftp.limit.password", Type.INTEGER),
            Map.entry("ftp.limit.hostname", Type.INTEGER),
            Map.entry("ftp.limit.file", Type.INTEGER),
            Map.entry("ftp.limit.path", Type.INTEGER),
            Map.entry("ftp.limit.local", Type.INTEGER),
            Map.entry("fs.name.max", Type.INTEGER),
            Map.entry("fs.open.max", Type.INTEGER),
            Map.entry("ssl.contexts", Type.RANGE),
            Map.entry("ssl.cfg.params", Type.WORDS),
            Map.entry("ssl.ciphersuites", Type.HEX_WORDS),
            Map.entry("ssl.default.ciphersuite", Type.HEX),
            Map.entry("ssl.limit.file", Type.INTEGER),
            Map.entry("ssl.format.ciphersuite", Type.TEXT),
            Map.entry("network.rssi", Type.INTEGER),
            Map.entry("network.ber", Type.INTEGER),
            Map.entry("network.cops.test", Type.TEXT),
            Map.entry("network.cell.area", Type.TEXT),
            Map.entry("network.cell.id", Type.TEXT),
            Map.entry("network.cell.act", Type.INTEGER),
            Map.entry("network.range.creg", Type.TEXT),
            Map.entry("network.range.cereg", Type.TEXT),
            Map.entry("pdp.format.cgdcont", Type.TEXT),
            Map.entry("pdp.cgdcont.test_tail", Type.TEXT),
            Map.entry("power.range.cfun", Type.RANGE),
            Map.entry("power.range.cfun_reset", Type.RANGE),
            Map.entry("boot.time.ms", Type.INTEGER),
            Map.entry("boot.urcs", Type.TEXT),
            Map.entry("dns.primary", Type.TEXT),
            Map.entry("dns.secondary", Type.TEXT),
            Map.entry("dns.timeout.ms", Type.INTEGER),
            Map.entry("dns.ttl", Type.INTEGER),
            Map.entry("clock.range.qlts", Type.RANGE));

    private static final List<Map.Entry<Pattern, Type>> PATTERNS = List.of(
            pattern("identity.*", Type.TEXT),
            pattern("network.*", Type.TEXT),
            pattern("default.*", Type.INTEGER),
            pattern("range.*", Type.RANGE),
            Map.entry(Pattern.compile("error\\.\\d+"), Type.TEXT),
            pattern("ftp.range.*", Type.RANGE),
            pattern("ftp.default.*", Type.INTEGER),
            pattern("ftp.format.*", Type.TEXT),
            pattern("ftp.ssltype.*", Type.TEXT),
            pattern("fs.*.capacity", Type.INTEGER),
            pattern("ssl.range.*", Type.RANGE),
            pattern("ssl.default.*", Type.INTEGER),
            pattern("ssl.sslversion.*", Type.WORDS),
            pattern("sim.*", Type.TEXT),
            // --timing realistic: a command's latency in ms, for every form or only .set (AT+X=), .read, .test
            Map.entry(Pattern.compile("timing\\.latency\\.\\+[A-Z0-9]+(\\.(set|read|test))?"), Type.MILLIS),
            // a stored-setting command's entries: +QCFG.params, +QCFG.<param>[.pattern|.test], +QSCLK[.pattern|.test]
            Map.entry(Pattern.compile("\\+[A-Z]+\\.params"), Type.WORDS),
            Map.entry(Pattern.compile("\\+[A-Z]+(\\.[a-z0-9_/]+)?(\\.pattern|\\.test)?"), Type.TEXT));

    private ProfileKeys() {
    }

    /** The type of a key's value, or empty for a key no profile may hold. */
    static Optional<Type> typeOf(String key) {
        Type exact = EXACT.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return PATTERNS.stream().filter(p -> p.getKey().matcher(key).matches()).map(Map.Entry::getValue).findFirst();
    }

    private static Map.Entry<Pattern, Type> pattern(String glob, Type type) {
        return Map.entry(Pattern.compile(Pattern.quote(glob).replace("*", "\\E[a-z0-9_]+\\Q")), type);
    }
}
