package dev.qmodem.data;

import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one place that decides where a host byte goes: to data mode while a data-mode session is active (which
 * also applies the {@code +++} escape and takes the line feed that still belongs to the command line), else to
 * command mode, switching mid-read right after the command that answered CONNECT or right where the data ended.
 */
public final class HostRouter {

    /** Command mode: decodes host bytes into command lines and runs them. */
    @FunctionalInterface
    public interface CommandMode {
        /**
         * Consumes bytes up to and including the end of at most one command line, running it; a command that
         * answers CONNECT activates data mode before this returns.
         *
         * @return how many bytes were consumed
         */
        int feed(byte[] bytes, int off, int len);
    }

    private final DataMode dataMode;
    private final CommandMode commandMode;
    private final Clock clock;

    public HostRouter(DataMode dataMode, CommandMode commandMode, Clock clock) {
        this.dataMode = dataMode;
        this.commandMode = commandMode;
        this.clock = clock;
    }

    /**
     * Reads the host until its stream ends or fails. The caller then detaches the host's output and only after
     * that tells data mode the host is gone, so that nothing the end of data mode answers reaches the gone host.
     */
    public void readFrom(InputStream in) throws IOException {
        byte[] buffer = new byte[Pump.BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            route(buffer, 0, n);
        }
    }

    /** Routes bytes that arrived together. */
    public void route(byte[] bytes, int off, int len) throws IOException {
        long readAt = clock.nanoTime();
        int end = off + len;
        while (off < end) {
            int taken = dataMode.fromHost(bytes, off, end - off, readAt);
            off += taken >= 0 ? taken : commandMode.feed(bytes, off, end - off);
        }
    }
}
