package dev.qmodem.module;

import dev.qmodem.profile.Model;

import java.nio.file.Path;
import java.util.Properties;

/**
 * How to build a module: the model, where its flash lives, and profile values to override (capacities, the
 * address AT+QIACT? reports, identity strings).
 *
 * @param model            UC20, BG95 or BG77
 * @param ufsDirectory     the directory that is the module's UFS flash
 * @param profileOverrides profile keys to replace, e.g. {@code pdp.address.base}
 */
public record ModemConfig(Model model, Path ufsDirectory, Properties profileOverrides) {

    public ModemConfig {
        profileOverrides = (Properties) profileOverrides.clone();
    }

    public static ModemConfig of(Model model, Path ufsDirectory) {
        return new ModemConfig(model, ufsDirectory, new Properties());
    }
}
