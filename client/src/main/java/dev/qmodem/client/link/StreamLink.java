package dev.qmodem.client.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A {@link ByteLink} over a caller-supplied stream pair. */
record StreamLink(InputStream input, OutputStream output) implements ByteLink {

    @Override
    public void close() throws IOException {
        try (input; output) {
            // both closed by try-with-resources, the second even if the first fails
        }
    }
}
