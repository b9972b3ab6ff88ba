package dev.qmodem.data;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The command side of a data-mode session (an upload, a download, a listing through {@code COM:}).
 * Called by the module's reader thread and timer; the handler talks back through its {@link DataLink}.
 */
public interface DataModeHandler {

    /**
     * Bytes the host sent in data mode (a buffer's remaining ones, escape already filtered out). May block: that is
     * how a slow server slows the host down. Moves the buffer's position past the bytes taken and returns how many;
     * fewer than offered means the handler ended data mode (e.g. the upload length was reached) and the rest is
     * command-mode input.
     */
    int fromHost(ByteBuffer bytes) throws IOException;

    /** Whether the host's bytes are the transfer's data (an upload), rather than ignored (a download). */
    default boolean receives() {
        return false;
    }

    /**
     * The host escaped ({@code +++} after the guard time, or DTR dropped under AT&amp;D1). Return true to be
     * resumable by ATO (the module then answers OK and waits); return false after ending data mode through
     * {@link DataLink#end} with the response the command gives.
     */
    boolean escaped();

    /** The host went away in data mode; the handler ends or abandons its transfer. */
    void hostLost();
}
