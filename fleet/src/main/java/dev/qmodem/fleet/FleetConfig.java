package dev.qmodem.fleet;

import dev.qmodem.profile.Model;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How to build a fleet: the modules' models by id, where their AT ports listen (consecutive TCP ports from
 * {@code listen}, or pseudo-terminals {@code DIR/ttyQ<id>}), and the root under which each module's UFS is the
 * folder named by its id.
 *
 * @param firstId          the id of the first module (a shard of a larger fleet starts past 0)
 * @param models           the model of each module, in id order from {@code firstId}
 * @param listen           the first module's AT port; the others follow it; port 0 gives each a free port
 * @param ptyDirectory     if not null, serve each module on a pseudo-terminal here instead of TCP
 * @param ufsRoot          each module's flash is {@code ufsRoot/<id>}
 * @param profileOverrides profile keys to replace in every module
 * @param hostAliases      host names every module answers without DNS
 */
public record FleetConfig(int firstId, List<Model> models, InetSocketAddress listen, Path ptyDirectory, Path ufsRoot,
                          Properties profileOverrides, Map<String, String> hostAliases) {

    public FleetConfig {
        models = List.copyOf(models);
        profileOverrides = (Properties) profileOverrides.clone();
        hostAliases = Map.copyOf(hostAliases);
    }

    /** A fleet of modules on TCP ports from {@code listen}, ids from 0, without overrides. */
    public static FleetConfig of(List<Model> models, InetSocketAddress listen, Path ufsRoot) {
        return new FleetConfig(0, models, listen, null, ufsRoot, new Properties(), Map.of());
    }
}
