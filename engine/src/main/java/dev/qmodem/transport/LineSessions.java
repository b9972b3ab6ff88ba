package dev.qmodem.transport;

import org.slf4j.Logger;

import java.io.IOException;

/**
 * The links of a line-style transport (a PTY, a serial port). A line has no connections, so the module is handed
 * one long link after another, on a thread of its own, until the transport closes or an I/O error on the line
 * ends serving. Thread-safe.
 */
final class LineSessions<L extends LineSessions.Link> {

    /** A link on a line that can tell whether the line itself failed. */
    interface Link extends HostLink {

        /** Whether a read or write failed while the link was open (the line is broken, not just the session). */
        boolean failed();

        @Override
        void close();
    }

    /** Opens a new link on the line. */
    @FunctionalInterface
    interface Opener<L> {
        L open() throws IOException;
    }

    private final Opener<L> opener;
    private final String line;
    private final Logger log;
    private L current;
    private boolean closed;

    LineSessions(Opener<L> opener, String line, Logger log) {
        this.opener = opener;
        this.line = line;
        this.log = log;
    }

    /** Opens the first link and serves it, and the ones after it, on a new thread. */
    synchronized void start(HostSessionHandler handler, String threadName) throws IOException {
        L first = opener.open();
        current = first;
        new Thread(() -> serve(handler, first), threadName).start();
    }

    /** Ends the current link, waking its blocked reads and writes; no link follows it. */
    void close() {
        L session;
        synchronized (this) {
            closed = true;
            session = current;
        }
        if (session != null) {
            session.close();
        }
    }

    private void serve(HostSessionHandler handler, L first) {
        L session = first;
        while (session != null) {
            try {
                handler.serve(session);
            } catch (RuntimeException e) {
                log.error("host session on {} failed", line, e);
            } finally {
                session.close();
            }
            if (session.failed()) {
                log.error("{} stopped serving after an I/O error", line);
                return;
            }
            session = next();
        }
    }

    private synchronized L next() {
        if (closed) {
            return null;
        }
        try {
            current = opener.open();
            return current;
        } catch (IOException e) {
            log.error("cannot serve {}", line, e);
            return null;
        }
    }
}
