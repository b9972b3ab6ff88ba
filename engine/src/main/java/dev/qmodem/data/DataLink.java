package dev.qmodem.data;

import dev.qmodem.at.ResultCode;

import java.io.OutputStream;
import java.util.List;

/** What a data-mode handler holds: the bytes to the host, and the way out of data mode. */
public interface DataLink {

    /**
     * Bytes to the host. Writes wait until CONNECT is out, wait while the host has escaped (until ATO), block while
     * the host does not read, and fail with an IOException once data mode is over. The stream is also a
     * {@link java.nio.channels.WritableByteChannel}: a direct buffer written to it reaches a host that has a
     * channel with no copy through the heap.
     */
    OutputStream toHost();

    /**
     * Leaves data mode for good with a response (information lines, then the final result code; e.g. nothing and
     * {@code OK}). URCs that waited come out after it. Does nothing if data mode already ended.
     */
    void end(List<String> info, ResultCode result);

    /** Leaves data mode for good with {@code +CME ERROR: <code>} (as AT+CMEE says), for a transfer that failed. */
    void fail(int errorCode);

    /**
     * Ends data mode without a response: for a transfer cancelled while the host is in command mode (after an
     * escape), or one whose host went away. Blocked writers fail.
     */
    void abandon();

    /** True once data mode has ended (by {@link #end} or because the host went away). */
    boolean ended();
}
