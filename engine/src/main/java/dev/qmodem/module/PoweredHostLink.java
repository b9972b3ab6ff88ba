package dev.qmodem.module;

import dev.qmodem.transport.HostLink;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/** A host link whose bytes reach the module only while it is on: a module that is off or booting hears nothing. */
final class PoweredHostLink implements HostLink {

    private final HostLink link;
    private final InputStream input;

    PoweredHostLink(HostLink link, BooleanSupplier on) {
        this.link = link;
        this.input = new FilterInputStream(link.input()) {
            @Override
            public int read() throws IOException {
                int b;
                do {
                    b = super.read();
                } while (b >= 0 && !on.getAsBoolean());
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n;
                do {
                    n = super.read(buffer, off, len);
                } while (n > 0 && !on.getAsBoolean());
                return n;
            }
        };
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return link.output();
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
