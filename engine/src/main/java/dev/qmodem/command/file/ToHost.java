package dev.qmodem.command.file;

import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataModeHandler;
import dev.qmodem.fs.ChecksumAlgorithm;
import dev.qmodem.fs.DataChecksum;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A file's bytes to the host in data mode, for {@code AT+QFDWL} and {@code AT+QFREAD}, through a fixed buffer
 * and at the host's pace. Ends with {@code <summary>: <size>,<checksum>} (if the command has one) and
 * {@code OK}; {@code +++} stops it early with the same answer for the bytes sent; a read failure answers its
 * {@code +CME ERROR} after the bytes sent. Host bytes meanwhile are ignored.
 */
final class ToHost implements DataModeHandler, Runnable {

    private static final int BUFFER = 64 * 1024;

    private final InputStream source;
    private final long length;
    private final String summary;
    private volatile boolean stopped;
    private DataLink link;

    /**
     * @param length  bytes to send, or -1 for all the source has
     * @param summary the final line's name, e.g. {@code +QFDWL}, or null for a bare {@code OK}
     */
    ToHost(InputStream source, long length, String summary) {
        this.source = source;
        this.length = length;
        this.summary = summary;
    }

    void attach(DataLink dataLink) {
        link = dataLink;
    }

    @Override
    public int fromHost(byte[] bytes, int off, int len) {
        return len;
    }

    @Override
    public boolean escaped() {
        stopped = true;
        return false;
    }

    @Override
    public void hostLost() {
        stopped = true;
    }

    /** Pumps the bytes and ends data mode; runs on a worker, never on the host's reader. */
    @Override
    public void run() {
        DataChecksum checksum = ChecksumAlgorithm.QUECTEL_XOR16.create();
        long sent = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = source) {
            OutputStream host = link.toHost();
            while (!stopped && (length < 0 || sent < length)) {
                int want = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - sent);
                int n = read(in, buffer, want);
                if (n < 0) {
                    break;
                }
                host.write(buffer, 0, n);
                checksum.update(buffer, 0, n);
                sent += n;
            }
        } catch (FileError e) {
            link.fail(e.code().number());
            return;
        } catch (IOException e) {
            return; // the host went away: data mode is already over
        }
        link.end(summary == null ? List.of() : List.of(summary + ": " + sent + "," + checksum.hex()), ResultCode.OK);
    }

    private static int read(InputStream in, byte[] buffer, int want) throws FileError {
        try {
            return in.read(buffer, 0, want);
        } catch (FileError e) {
            throw e;
        } catch (IOException e) {
            throw new FileError(FileErrorCode.FAIL_TO_READ, e);
        }
    }
}
