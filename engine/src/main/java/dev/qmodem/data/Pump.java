package dev.qmodem.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte path's one buffer policy: every copy (server, file or host on either side) goes through one buffer of
 * {@link #BUFFER} bytes, and a failure says which side it came from.
 */
public final class Pump {

    /** Bytes read or copied at a time, from the host or between a source and a sink. */
    public static final int BUFFER = 64 * 1024;

    /** Writing to the sink failed (the cause says how); any other IOException of a copy is the source's. */
    public static final class SinkFailure extends IOException {
        SinkFailure(IOException cause) {
            super(cause);
        }

        /** The sink's own exception. */
        public IOException sinkCause() {
            return (IOException) getCause();
        }
    }

    private Pump() {
    }

    /** Copies at most {@code limit} bytes (-1: all); source failures propagate, sink failures as SinkFailure. */
    public static long copy(InputStream source, OutputStream sink, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (limit < 0 || copied < limit) {
            int want = limit < 0 ? buffer.length : (int) Math.min(buffer.length, limit - copied);
            int n = source.read(buffer, 0, want);
            if (n < 0) {
                break;
            }
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
            copied += n;
        }
        return copied;
    }
}
