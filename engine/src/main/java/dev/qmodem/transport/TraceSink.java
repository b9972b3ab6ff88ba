package dev.qmodem.transport;

/** Where a traced host link reports its bytes: the {@code --trace} file, the control API's live trace. */
public interface TraceSink {

    /** {@code length} bytes of {@code bytes} from {@code offset} went {@code direction}; the array is not kept. */
    void record(TraceWriter.Direction direction, byte[] bytes, int offset, int length);

    /** False while nobody listens, so a channel's bytes need not be copied out to be recorded. */
    default boolean recording() {
        return true;
    }

    /** Something that was not a byte of the host link happened: a fault acted, an event was applied. */
    default void mark(String text) {
    }
}
