package dev.qmodem.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = QModemCommand.class.getPackage().getImplementationVersion();
        return new String[] {"qmodem " + (version == null ? "development" : version)};
    }
}
