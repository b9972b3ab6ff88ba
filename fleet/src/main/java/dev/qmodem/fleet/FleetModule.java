package dev.qmodem.fleet;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.profile.Model;

import java.nio.file.Path;

/**
 * One running module of a fleet.
 *
 * @param id       its id in the fleet, {@code "0"} to {@code "N-1"}
 * @param endpoint where its host connects: {@code tcp://127.0.0.1:3333} or {@code pty:/tmp/fleet/ttyQ0}
 * @param port     its TCP port, or -1 on a pseudo-terminal
 * @param ufs      its flash folder
 */
public record FleetModule(String id, Model model, String endpoint, int port, Path ufs, EmulatedModule module) {
}
