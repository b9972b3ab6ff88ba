package dev.qmodem.command.ssl;

import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module's SSL contexts (0-5) as {@code AT+QSSLCFG} sets them. Which parameters a model has, their ranges,
 * defaults and the cipher suites it knows come from the profile ({@code ssl.*}).
 */
public final class SslConfig {

    /** The parameters whose value is a local file name rather than a number. */
    static final Set<String> FILE_PARAMETERS = Set.of("cacert", "clientcert", "clientkey");
    static final String CIPHER_SUITE = "ciphersuite";

    private final ModelProfile profile;
    private final IntRange contexts;
    private final List<String> names;
    private final Set<Integer> cipherSuites = new LinkedHashSet<>();
    private final List<Map<String, Object>> values = new ArrayList<>();

    public SslConfig(ModelProfile profile) {
        this.profile = profile;
        this.contexts = profile.range("ssl.contexts");
        this.names = profile.words("ssl.cfg.params");
        for (String code : profile.words("ssl.ciphersuites")) {
            cipherSuites.add(Integer.decode(code));
        }
        cipherSuites.add(SslContextSettings.ALL_CIPHER_SUITES);
        for (long id = contexts.min(); id <= contexts.max(); id++) {
            Map<String, Object> context = new HashMap<>();
            for (String name : names) {
                context.put(name, FILE_PARAMETERS.contains(name) ? ""
                        : name.equals(CIPHER_SUITE) ? Integer.decode(profile.text("ssl.default.ciphersuite").trim())
                        : (int) profile.number("ssl.default." + name));
            }
            values.add(context);
        }
    }

    /** The SSL context IDs, {@code (0-5)}. */
    public IntRange contexts() {
        return contexts;
    }

    /** The parameters this model has, in the order its test command lists them. */
    public List<String> parameterNames() {
        return names;
    }

    /** The cipher suite codes {@code ciphersuite} accepts, 0xFFFF last. */
    public List<Integer> cipherSuites() {
        return List.copyOf(cipherSuites);
    }

    boolean knowsCipherSuite(int code) {
        return cipherSuites.contains(code);
    }

    IntRange range(String name) {
        return profile.range("ssl.range." + name);
    }

    boolean has(String name) {
        return names.contains(name);
    }

    synchronized Object get(int context, String name) {
        return values.get(index(context)).get(name);
    }

    synchronized void set(int context, String name, Object value) {
        values.get(index(context)).put(name, value);
    }

    /** A snapshot of one context, as an FTPS connection opened now would use it. */
    public synchronized SslContextSettings settings(int context) {
        Map<String, Object> v = values.get(index(context));
        return new SslContextSettings((int) v.get("sslversion"), (int) v.get(CIPHER_SUITE), (int) v.get("seclevel"),
                (String) v.get("cacert"), (String) v.get("clientcert"), (String) v.get("clientkey"),
                (int) v.getOrDefault("ignorelocaltime", 1) == 1, (int) v.get("negotiatetime"),
                (int) v.getOrDefault("sni", 0) == 1);
    }

    private int index(int context) {
        if (!contexts.contains(context)) {
            throw new IllegalArgumentException("no SSL context " + context);
        }
        return (int) (context - contexts.min());
    }
}
