package dev.qmodem.transport;

/** Serves one connected host until its input ends or the link is closed. */
@FunctionalInterface
public interface HostSessionHandler {

    /** Runs on the transport's thread and returns when the host session is over. */
    void serve(HostLink link);
}
