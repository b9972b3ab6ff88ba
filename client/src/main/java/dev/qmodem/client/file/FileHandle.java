package dev.qmodem.client.file;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.at.Fields;
import dev.qmodem.client.at.ModemException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * An open module file ({@code +QFOPEN: <filehandle>}): read, write, seek and truncate at a position, then close.
 * Not thread-safe; the channel still serialises each command.
 */
public final class FileHandle implements AutoCloseable {

    /** {@code <position>} of {@code AT+QFSEEK}: where an offset counts from. */
    public enum Whence { START, CURRENT, END }

    private final AtChannel channel;
    private final int handle;
    private final Duration timeout;

    FileHandle(AtChannel channel, int handle, Duration timeout) {
        this.channel = channel;
        this.handle = handle;
        this.timeout = timeout;
    }

    /** The module's handle number. */
    public int handle() {
        return handle;
    }

    /** {@code AT+QFREAD=<handle>,<length>}: up to {@code length} bytes from the position; empty at the end. */
    public byte[] read(int length) throws ModemException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        channel.send(AtCommand.of("AT+QFREAD=" + handle + "," + length).receivingExactly(out, 0).timeout(timeout));
        return out.toByteArray();
    }

    /** {@code AT+QFWRITE=<handle>,<length>}: writes {@code data} at the position; returns the bytes written. */
    public long write(byte[] data) throws ModemException {
        AtResponse response = channel.send(AtCommand.of("AT+QFWRITE=" + handle + "," + data.length)
                .sending(out -> {
                    out.write(data);
                    return false;
                })
                .timeout(timeout));
        String line = response.line("+QFWRITE:").orElseThrow(() ->
                new ModemException("AT+QFWRITE", "no +QFWRITE line in " + response, null));
        return Fields.number(Fields.of(line), 0, line);
    }

    /** {@code AT+QFSEEK=<handle>,<offset>,<position>}. */
    public void seek(long offset, Whence whence) throws ModemException {
        channel.send("AT+QFSEEK=" + handle + "," + offset + "," + whence.ordinal(), timeout);
    }

    /** {@code AT+QFPOSITION=<handle>}: the current offset. */
    public long position() throws ModemException {
        AtResponse response = channel.send("AT+QFPOSITION=" + handle, timeout);
        String line = response.line("+QFPOSITION:").orElseThrow(() ->
                new ModemException("AT+QFPOSITION", "no +QFPOSITION line in " + response, null));
        return Fields.number(Fields.of(line), 0, line);
    }

    /** {@code AT+QFTUCAT=<handle>}: cuts the file at the current position. */
    public void truncate() throws ModemException {
        channel.send("AT+QFTUCAT=" + handle, timeout);
    }

    /** {@code AT+QFCLOSE=<handle>}. */
    @Override
    public void close() throws ModemException {
        channel.send("AT+QFCLOSE=" + handle, timeout);
    }
}
