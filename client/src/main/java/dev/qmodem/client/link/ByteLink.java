package dev.qmodem.client.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A two-way byte pipe to a module's AT port: a serial line, a TCP connection to qmodem, or any stream pair.
 * Closing it ends the conversation; the reader blocked on {@link #input()} then sees end of stream or an error.
 */
public interface ByteLink extends Closeable {

    /** Bytes from the module. */
    InputStream input();

    /** Bytes to the module. */
    OutputStream output();

    /** A link over an existing stream pair; closing it closes both streams. */
    static ByteLink of(InputStream input, OutputStream output) {
        return new StreamLink(input, output);
    }

    /** Closes the underlying pipe. */
    @Override
    void close() throws IOException;
}
