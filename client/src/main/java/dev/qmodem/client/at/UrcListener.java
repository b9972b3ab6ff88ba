package dev.qmodem.client.at;

/**
 * Receives unsolicited result codes (e.g. {@code +QIURC: "pdpdeact",1}, a late {@code +QFTPxxx:} no command waited
 * for). Called on the channel's dispatcher thread, one line at a time in arrival order; a listener may send
 * commands itself.
 */
@FunctionalInterface
public interface UrcListener {

    /** @param line the URC line without its framing */
    void onUrc(String line);
}
