package dev.qmodem.module;

import dev.qmodem.profile.Model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * How to build a module: the model, where its flash lives, and profile values to override (capacities, the
 * address AT+QIACT? reports, identity strings).
 *
 * @param model            UC20, BG95 or BG77
 * @param ufsDirectory     the directory that is the module's UFS flash
 * @param profileOverrides profile keys to replace, e.g. {@code pdp.address.base}
 * @param hostAliases      host names answered without DNS, e.g. {@code quectel.3322.org -> 127.0.0.1}
 */
public record ModuleConfig(Model model, Path ufsDirectory, Properties profileOverrides, Map<String, String> hostAliases) {

    public ModuleConfig {
        profileOverrides = (Properties) profileOverrides.clone();
        hostAliases = Map.copyOf(hostAliases);
    }

    public static ModuleConfig of(Model model, Path ufsDirectory) {
        return new ModuleConfig(model, ufsDirectory, new Properties(), Map.of());
    }
}
