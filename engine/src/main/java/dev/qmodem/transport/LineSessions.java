package dev.qmodem.transport;

import org.slf4j.Logger;

import java.util.function.Supplier;

/**
 * The serving loop of a line-style transport (a PTY, a serial port): a line has no connections, so the module is
 * handed one long link after another until the transport closes (the next link is null) or an I/O error on the
 * line ends serving.
 */
final class LineSessions {

    /** A link on a line that can tell whether the line itself failed. */
    interface Link extends HostLink {

        /** Whether a read or write failed while the link was open (the line is broken, not just the session). */
        boolean failed();

        @Override
        void close();
    }

    private LineSessions() {
    }

    static <L extends Link> void serve(HostSessionHandler handler, L first, Supplier<L> next, String line, Logger log) {
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
            session = next.get();
        }
    }
}
