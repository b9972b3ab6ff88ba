package dev.qmodem.module;

import dev.qmodem.transport.HostSessionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the bytes a module's reader takes from its host, so a test on virtual time can wait until the module has
 * handled everything sent (its reader is back waiting) before moving the clock: no race with bytes on their way.
 */
final class TakenBytes {

    private final AtomicLong taken = new AtomicLong();
    private volatile boolean reading;

    /** Serves hosts through {@code handler}, counting from zero for each new host. */
    HostSessionHandler counting(HostSessionHandler handler) {
        return link -> {
            taken.set(0);
            handler.serve(link.withStreams(new CountedInput(link.input()), link.output()));
        };
    }

    /** Waits until the module's reader has taken {@code sent} bytes of the current host and waits for more. */
    void await(long sent) {
        while (taken.get() < sent || !reading) {
            LockSupport.parkNanos(20_000);
        }
    }

    private final class CountedInput extends InputStream {

        private final InputStream raw;

        CountedInput(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reading = true;
            int n;
            try {
                n = raw.read(b, off, len);
            } finally {
                reading = false;
            }
            if (n > 0) {
                taken.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }
}
