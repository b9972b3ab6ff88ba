package dev.qmodem.cli;

import java.nio.file.Path;

/** Where qmodem keeps its files by default: $XDG_DATA_HOME/qmodem, else ~/.local/share/qmodem. */
final class DataDirectory {

    private DataDirectory() {
    }

    static Path resolve() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("qmodem");
    }
}
