package dev.qmodem.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything that differs between models, as data: identity strings, limits, ranges, response formats, which
 * commands exist and the error texts. A model's file overlays the file it {@code extends}, or
 * {@code common.properties}; {@code key+=words} and {@code key-=words} add to and remove from an inherited list
 * (the format is described at the top of {@code common.properties}). Every key is checked against
 * {@link ProfileKeys} when the profile loads. Commands ask the profile; no command tests the model name.
 */
public final class ModelProfile {

    private static final String COMMON = "common";
    private static final String EXTENDS = "extends";
    private static final String LATENCY = "timing.latency.";
    private static final Map<String, String> FORM_SUFFIXES = Map.of("set", "=", "read", "?", "test", "=?");

    private final Model model;
    private final Optional<Model> parent;
    private final Map<String, String> values;
    private final Set<String> commands;
    private final FtpLimits ftpLimits;
    private final FileSystemLimits fileSystem;
    private final Map<String, Long> commandLatencies;

    private ModelProfile(Model model, Optional<Model> parent, Map<String, String> values) {
        this.model = model;
        this.parent = parent;
        this.values = Map.copyOf(values);
        this.commands = new TreeSet<>(words(require("commands")));
        this.ftpLimits = new FtpLimits(limit("ftp.limit.username"), limit("ftp.limit.password"),
                limit("ftp.limit.hostname"), limit("ftp.limit.file"), limit("ftp.limit.path"), limit("ftp.limit.local"));
        this.fileSystem = new FileSystemLimits(number("fs.ufs.capacity"), number("fs.ram.capacity"),
                limit("fs.name.max"), limit("fs.open.max"));
        for (String parameter : words(require("ftp.cfg.params"))) {
            require("ftp.range." + parameter);
            require("ftp.default." + parameter);
        }
        requireEach("ssl.sslversion.", range("ssl.range.sslversion"));
        requireEach("ftp.ssltype.", range("ftp.range.ssltype"));
        this.commandLatencies = commandLatencies(values);
    }

    /** {@code timing.latency.+QIACT.set=1500} as {@code +QIACT=} -> 1500; a command the model lacks is an error. */
    private Map<String, Long> commandLatencies(Map<String, String> values) {
        Map<String, Long> latencies = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(LATENCY)) {
                String[] parts = key.substring(LATENCY.length()).split("\\.");
                if (!hasCommand(parts[0])) {
                    throw new IllegalStateException("profile " + model + ": " + key + " names a command the model lacks");
                }
                latencies.put(parts[0] + (parts.length > 1 ? FORM_SUFFIXES.get(parts[1]) : ""),
                        Long.parseLong(value.trim()));
            }
        });
        return Collections.unmodifiableMap(latencies);
    }

    /** Loads the built-in profile of a model. */
    public static ModelProfile of(Model model) {
        return of(model, new Properties());
    }

    /**
     * Loads a profile and applies overrides on top, as a user's configuration would (e.g. a capacity); overrides
     * may use {@code +=} and {@code -=} too.
     *
     * @throws IllegalStateException naming the file and key when a key is unknown or its value has the wrong type
     */
    public static ModelProfile of(Model model, Properties overrides) {
        Properties own = read(model.name());
        Optional<Model> parent = Optional.ofNullable(own.getProperty(EXTENDS)).map(Model::parse);
        Map<String, String> values = new HashMap<>(parent.map(p -> of(p).values)
                .orElseGet(() -> resolve(new HashMap<>(), read(COMMON), COMMON)));
        own.remove(EXTENDS);
        resolve(values, own, model.name());
        resolve(values, overrides, "overrides");
        return new ModelProfile(model, parent, values);
    }

    /** Applies one file's entries on top of what it inherits, checking each key and value. */
    private static Map<String, String> resolve(Map<String, String> into, Properties own, String source) {
        for (String entry : own.stringPropertyNames()) {
            boolean add = entry.endsWith("+");
            boolean remove = entry.endsWith("-");
            String key = add || remove ? entry.substring(0, entry.length() - 1) : entry;
            String value = own.getProperty(entry);
            String where = source + ": " + entry;
            ProfileKeys.Type type = ProfileKeys.typeOf(key).orElseThrow(() -> new IllegalStateException(
                    where + " is not a profile key (the known keys are in ProfileKeys)"));
            if ((add || remove) && !type.isList()) {
                throw new IllegalStateException(where + ": only lists of words take += and -=");
            }
            if ((add || remove) && own.containsKey(key)) {
                throw new IllegalStateException(where + ": " + key + "= already replaces the whole list");
            }
            try {
                type.check(value);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalStateException(where + "=" + value + " is not " + type.name().toLowerCase()
                        + " (" + e.getMessage() + ")", e);
            }
            if (add || remove) {
                into.put(key, String.join(" ", edit(into.get(key), value, add, where)));
            } else {
                into.put(key, value);
            }
        }
        return into;
    }

    private static List<String> edit(String inherited, String change, boolean add, String where) {
        if (inherited == null) {
            throw new IllegalStateException(where + ": nothing inherited to change");
        }
        List<String> list = new ArrayList<>(words(inherited));
        for (String word : words(change)) {
            if (add == list.contains(word)) {
                throw new IllegalStateException(where + ": " + word + (add ? " is already inherited" : " is not inherited"));
            }
            if (add) {
                list.add(word);
            } else {
                list.remove(word);
            }
        }
        return list;
    }

    static List<String> words(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    private static Properties read(String name) {
        String resource = name + ".properties";
        Properties into = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    throw new IllegalStateException(resource + " sets " + key + " twice");
                }
                return super.put(key, value);
            }
        };
        try (InputStream in = ModelProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing profile resource " + resource);
            }
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    public Model model() {
        return model;
    }

    /** The model this one {@code extends}, if any (its golden transcripts are inherited too). */
    public Optional<Model> parent() {
        return parent;
    }

    /** Whether the model has this command, named as typed after AT, e.g. {@code +QFCRC} or {@code &D}. */
    public boolean hasCommand(String name) {
        return commands.contains(name);
    }

    /** Every command the model has, named as typed after AT. */
    public Set<String> commands() {
        return Set.copyOf(commands);
    }

    /**
     * The latency of each command under {@code --timing realistic} ({@code timing.latency.*}), in ms, keyed as a
     * delay fault names the command: {@code +CSQ} for every form, {@code +QIACT=}, {@code +COPS?}, {@code +COPS=?}
     * for one.
     */
    public Map<String, Long> commandLatencies() {
        return commandLatencies;
    }

    /** The string parameter limits of the FTP(S) commands. */
    public FtpLimits ftpLimits() {
        return ftpLimits;
    }

    /** The local file system's capacities and limits. */
    public FileSystemLimits fileSystem() {
        return fileSystem;
    }

    /** Whether a feature flag is set, e.g. {@code ftp.len.after_ok}. */
    public boolean flag(String key) {
        return Boolean.parseBoolean(require(key));
    }

    /** A text value: identity strings, response templates. */
    public String text(String key) {
        return require(key);
    }

    /** A numeric value: a limit or a default. */
    public long number(String key) {
        return Long.parseLong(require(key).trim());
    }

    /** A byte-length limit of a string parameter. */
    public int limit(String key) {
        return (int) number(key);
    }

    /** A value range, as the test command shows it. */
    public IntRange range(String key) {
        return IntRange.parse(require(key));
    }

    /** The text of an error code for {@code AT+CMEE=2}; a generic text when the table lacks it. */
    public String errorText(int code) {
        return values.getOrDefault("error." + code, "Unknown error");
    }

    /** The error table: every code this model has a text for, and the text. */
    public Map<Integer, String> errorTexts() {
        Map<Integer, String> table = new HashMap<>();
        values.forEach((key, text) -> {
            if (key.startsWith("error.")) {
                table.put(Integer.parseInt(key.substring("error.".length())), text);
            }
        });
        return Map.copyOf(table);
    }

    /** Keys read mid-session, one per value of a range, are required here so that a gap fails at start-up. */
    private void requireEach(String prefix, IntRange range) {
        for (long value = range.min(); value <= range.max(); value++) {
            require(prefix + value);
        }
    }

    private String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("profile " + model + " lacks " + key);
        }
        return value;
    }
}
