package dev.qmodem.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * Moves a stored file's bytes to their destination straight from the file system (a socket's
 * {@code FileChannel.transferTo}: the kernel's sendfile), not through the module's buffers.
 */
@FunctionalInterface
public interface FileSender {

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position} (the channel's own position is left as it
     * is) and returns how many were sent, at least one unless the file ended.
     */
    long send(FileChannel file, long position, long count) throws IOException;

    /**
     * Sends the rest of a stream {@link LocalStorage#openRead} returned through {@code sender}, advancing the stream.
     *
     * @return the bytes sent, or -1 when the file has no file channel (a RAM drive's): read the stream instead
     */
    static long sendRest(InputStream stored, FileSender sender) throws IOException {
        return stored instanceof StoredInputStream file ? file.sendRest(sender) : -1;
    }
}
