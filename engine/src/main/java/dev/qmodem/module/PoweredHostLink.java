package dev.qmodem.module;

import dev.qmodem.transport.ForwardingChannel;
import dev.qmodem.transport.HostLink;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.function.BooleanSupplier;

/** Host bytes reach the module only while it is on: a module that is off or booting hears nothing. */
final class PoweredHostLink {

    private PoweredHostLink() {
    }

    static HostLink of(HostLink link, BooleanSupplier on) {
        InputStream heard = new FilterInputStream(link.input()) {
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
        ByteChannel channel = link.channel();
        return link.with(heard, link.output(), channel == null ? null : new HeardChannel(channel, on));
    }

    private static final class HeardChannel extends ForwardingChannel {

        private final BooleanSupplier on;

        HeardChannel(ByteChannel channel, BooleanSupplier on) {
            super(channel);
            this.on = on;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int start = target.position();
            int n;
            do {
                target.position(start);
                n = channel.read(target);
            } while (n > 0 && !on.getAsBoolean());
            return n;
        }
    }
}
