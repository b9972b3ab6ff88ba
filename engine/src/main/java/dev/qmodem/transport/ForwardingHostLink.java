package dev.qmodem.transport;

import java.io.IOException;

/** A {@link HostLink} that changes the byte streams of another and passes the rest (description, DTR, hang-up) on. */
public abstract class ForwardingHostLink implements HostLink {

    private final HostLink link;

    protected ForwardingHostLink(HostLink link) {
        this.link = link;
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public void onDtrDrop(Runnable action) {
        link.onDtrDrop(action);
    }

    @Override
    public void close() throws IOException {
        link.close();
    }
}
