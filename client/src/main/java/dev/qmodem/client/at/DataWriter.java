package dev.qmodem.client.at;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the payload of an upload once the module has answered {@code CONNECT}. */
@FunctionalInterface
public interface DataWriter {

    /**
     * Writes data to the module.
     *
     * @return true if the module must be told that the data ended, with the {@code +++} escape and its guard
     *         times; false if it knows the length (e.g. {@code <uploadlen>}) and leaves data mode by itself
     */
    boolean writeTo(OutputStream module) throws IOException;
}
