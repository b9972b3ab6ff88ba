package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.Inflow;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.time.Clock;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host's data-mode bytes into a file, for {@code AT+QFUPL} and {@code AT+QFWRITE} (an {@link Inflow}): the
 * data ends at the announced length, after {@code <timeout>} seconds without a byte, or at {@code +++}; each way
 * the bytes received are kept and the sink's line and {@code OK} answer. If the sink fails, the answer is the
 * failure's {@code +CME ERROR}. In ACK mode an {@code A} goes to the host after each 1024 bytes. A host that goes
 * away leaves the bytes received kept, as the module cannot tell a lost host from a finished one.
 */
final class FromHost {

    /** Where the bytes go. */
    interface Sink {

        void write(byte[] bytes, int off, int len) throws FileError;

        /** The data is over and kept; returns the information line of the final response. */
        String complete(long received) throws FileError;

        /** The data is over after a failure: throws away what can be thrown away. */
        void discard();
    }

    static final int ACK_BLOCK = 1024;

    private FromHost() {
    }

    /** Enters data mode for the file's bytes; a plain {@code ERROR} while an escaped transfer holds data mode. */
    static void start(DataMode dataMode, Sink sink, long length, long timeoutSeconds, boolean ackMode, Clock clock)
            throws AtException {
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws FileError {
                sink.write(bytes, off, len);
            }
        };
        try {
            Inflow.start(dataMode, out, length, timeoutSeconds, TimeUnit.SECONDS, ackMode ? ACK_BLOCK : 0, clock,
                    (link, how, received, failure) -> finish(sink, link, how, received, failure));
        } catch (IllegalStateException e) {
            throw FileCommand.dataModeBusy();
        }
    }

    /** Keeps or discards the bytes, then answers unless the host is gone. */
    private static void finish(Sink sink, DataLink link, Inflow.End how, long received, IOException failure) {
        String line = null;
        IOException failed = failure;
        if (failed == null) {
            try {
                line = sink.complete(received);
            } catch (FileError e) {
                failed = e;
            }
        } else {
            sink.discard();
        }
        if (how == Inflow.End.HOST_LOST) {
            return;
        }
        if (failed != null) {
            link.fail((failed instanceof FileError f ? f.code() : FileErrorCode.FAIL_TO_WRITE).number());
        } else {
            link.end(List.of(line), ResultCode.OK);
        }
    }
}
