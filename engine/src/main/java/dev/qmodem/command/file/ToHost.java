package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.Outflow;
import dev.qmodem.data.Pump;
import dev.qmodem.fs.ChecksumAlgorithm;
import dev.qmodem.fs.DataChecksum;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A file's bytes to the host in data mode, for {@code AT+QFDWL} and {@code AT+QFREAD} (an {@link Outflow}). Ends
 * with {@code <summary>: <size>,<checksum>} (if the command has one) and {@code OK}; {@code +++} stops it early
 * with the same answer for the bytes sent; a read failure answers its {@code +CME ERROR} after the bytes sent.
 */
final class ToHost {

    private ToHost() {
    }

    /**
     * Enters data mode and sends on {@code worker}; the source is closed when done, or at once if data mode is
     * held by an escaped transfer (a plain {@code ERROR}).
     *
     * @param length  bytes to send, or -1 for all the source has
     * @param summary the final line's name, e.g. {@code +QFDWL}, or null for a bare {@code OK}
     */
    static void start(DataMode dataMode, InputStream source, long length, String summary, Executor worker)
            throws AtException {
        DataChecksum checksum = ChecksumAlgorithm.QUECTEL_XOR16.create();
        OutputStream observer = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                checksum.update(bytes, off, len);
            }
        };
        try {
            Outflow.start(dataMode, source, length, observer, false, () -> { }, worker,
                    (link, sent, failure) -> finish(source, link, sent, failure, summary, checksum));
        } catch (IllegalStateException e) {
            AtException busy = FileCommand.dataModeBusy();
            closeQuietly(source, busy);
            throw busy;
        }
    }

    private static void finish(InputStream source, DataLink link, long sent, IOException failure, String summary,
                               DataChecksum checksum) {
        closeQuietly(source, failure);
        if (failure instanceof Pump.SinkFailure) {
            return; // the host went away: data mode is already over
        }
        if (failure != null) {
            link.fail((failure instanceof FileError f ? f.code() : FileErrorCode.FAIL_TO_READ).number());
            return;
        }
        link.end(summary == null ? List.of() : List.of(summary + ": " + sent + "," + checksum.hex()), ResultCode.OK);
    }

    private static void closeQuietly(InputStream source, Exception reason) {
        try {
            source.close();
        } catch (IOException e) {
            if (reason != null) {
                reason.addSuppressed(e);
            }
        }
    }
}
