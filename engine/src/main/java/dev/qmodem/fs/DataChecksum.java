package dev.qmodem.fs;

/** A checksum fed chunk by chunk, in any split, in constant memory. */
public interface DataChecksum {

    void update(byte[] buffer, int offset, int len);

    default void update(byte[] buffer) {
        update(buffer, 0, buffer.length);
    }

    /** The checksum of everything fed so far. */
    long value();

    /** {@link #value()} in lowercase hex without leading zeros, as the modules print it. */
    default String hex() {
        return Long.toHexString(value());
    }
}
