package dev.qmodem.transport;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module behind a Linux pseudo-terminal, reachable as a serial port at a symlink such as
 * {@code /tmp/qmodem -> /dev/pts/3}; picocom, minicom and pyserial open it like a real port.
 *
 * <p>A serial line has no connections: hosts open and close the slave as they like while the module
 * keeps one long {@link HostLink}. Bytes the module writes while no host has the line open wait in the
 * kernel's buffer (about 4 KiB) and then block the writer until a host reads, as on a line with
 * hardware flow control. A new link is handed out only if the handler returns while the transport is
 * still open. DTR is not visible on a pseudo-terminal, so {@link HostLink#onDtrDrop} does nothing.
 */
public final class PtyTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(PtyTransport.class);

    private final Path link;
    private final Object lock = new Object();
    private PseudoTerminal pty;
    private LineSessions<PtyHostLink> sessions;
    private boolean closed;

    /** @param link where to create the symlink to the slave device; an existing symlink is replaced */
    public PtyTransport(Path link) {
        this.link = link;
    }

    @Override
    public void start(HostSessionHandler handler) throws IOException {
        synchronized (lock) {
            if (pty != null || closed) {
                throw new IllegalStateException("pty transport at " + link + " was already started");
            }
            pty = PseudoTerminal.open();
            PseudoTerminal terminal = pty;
            Path slave = Path.of(terminal.slaveName());
            sessions = new LineSessions<>(() -> new PtyHostLink(terminal.masterFd(), "pty " + link + " -> " + slave),
                    link.toString(), log);
            try {
                createSymlink(slave);
                sessions.start(handler, "pty-host " + link);
            } catch (IOException | RuntimeException e) {
                removeSymlink(slave);
                pty.close();
                pty = null;
                sessions = null;
                throw e;
            }
        }
        log.info("pty ready at {} -> {}", link, pty.slaveName());
    }

    private void createSymlink(Path slave) throws IOException {
        if (Files.isSymbolicLink(link)) {
            Files.delete(link);
        } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(link.toString(), null, "exists and is not a symlink; not replacing it");
        }
        Files.createSymbolicLink(link, slave);
    }

    @Override
    public String endpoint() {
        synchronized (lock) {
            return pty == null ? "pty:" + link : "pty:" + link + " -> " + pty.slaveName();
        }
    }

    /** Ends the current link (waking its blocked reads and writes), then frees the terminal and the symlink. */
    @Override
    public void close() throws IOException {
        LineSessions<PtyHostLink> started;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            started = sessions;
        }
        if (started != null) {
            started.close();
        }
        if (pty != null) {
            pty.close();
            removeSymlink(Path.of(pty.slaveName()));
        }
    }

    private void removeSymlink(Path slave) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(slave)) {
            Files.delete(link);
        }
    }
}
