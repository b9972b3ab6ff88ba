package dev.qmodem.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that differs between models, as data: identity strings, limits, ranges, response formats, which
 * commands exist and the error texts. Loaded from {@code common.properties} overlaid with {@code <MODEL>.properties}.
 * Commands ask the profile; no command tests the model name.
 */
public final class ModelProfile {

    private final Model model;
    private final Properties values;
    private final Set<String> commands;

    private ModelProfile(Model model, Properties values) {
        this.model = model;
        this.values = values;
        this.commands = new TreeSet<>(Arrays.asList(require("commands").split("\\s+")));
    }

    /** Loads the built-in profile of a model. */
    public static ModelProfile of(Model model) {
        Properties values = new Properties();
        load(values, "common.properties");
        loadModel(values, model.name());
        values.remove("extends");
        return new ModelProfile(model, values);
    }

    /** Loads a profile and applies overrides on top, as a user's configuration would (e.g. a capacity). */
    public static ModelProfile of(Model model, Properties overrides) {
        ModelProfile base = of(model);
        Properties merged = new Properties();
        merged.putAll(base.values);
        merged.putAll(overrides);
        return new ModelProfile(model, merged);
    }

    /** Loads a model file after the file it extends, so a model states only how it differs. */
    private static void loadModel(Properties into, String name) {
        Properties own = new Properties();
        load(own, name + ".properties");
        String parent = own.getProperty("extends");
        if (parent != null) {
            loadModel(into, parent);
        }
        into.putAll(own);
    }

    private static void load(Properties into, String resource) {
        try (InputStream in = ModelProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing profile resource " + resource);
            }
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Model model() {
        return model;
    }

    /** Whether the model has this command, named as typed after AT, e.g. {@code +QFCRC} or {@code &D}. */
    public boolean hasCommand(String name) {
        return commands.contains(name);
    }

    /** Every command the model has, named as typed after AT. */
    public Set<String> commands() {
        return Set.copyOf(commands);
    }

    /** Whether a feature flag is set, e.g. {@code drive.ram}. */
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
        return values.getProperty("error." + code, "Unknown error");
    }

    private String require(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("profile " + model + " lacks " + key);
        }
        return value;
    }
}
