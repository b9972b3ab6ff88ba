package dev.qmodem.client.file;

import static dev.qmodem.client.at.AtCommand.quote;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.at.Fields;
import dev.qmodem.client.at.ModemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's file system ({@code AT+QFLDS}, {@code AT+QFLST}, {@code AT+QFDEL}, {@code AT+QFUPL},
 * {@code AT+QFDWL}, {@code AT+QFOPEN} and the handle commands), typed. Names are as the module spells them:
 * {@code "a.txt"} in UFS, {@code "RAM:a.txt"} in RAM (UC20). Uploads and downloads verify length and checksum.
 */
public final class FileClient {

    private static final int BUFFER = 8192;

    private final AtChannel channel;
    private volatile Duration timeout = Duration.ofSeconds(30);

    /** A file client over {@code channel}. */
    public FileClient(AtChannel channel) {
        this.channel = channel;
    }

    /** Sets the longest silence allowed in a file command, also sent as {@code AT+QFUPL}'s {@code <timeout>}. */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code AT+QFLDS=<storage>}: free and total bytes of {@code "UFS"} or {@code "RAM"}. */
    public StorageSpace space(String storage) throws ModemException {
        AtResponse response = channel.send("AT+QFLDS=" + quote(storage), timeout);
        String line = response.line("+QFLDS:").orElseThrow(() ->
                new ModemException("AT+QFLDS", "no +QFLDS line in " + response, null));
        List<String> fields = Fields.of(line);
        return new StorageSpace(Fields.number(fields, 0, line), Fields.number(fields, 1, line));
    }

    /** {@code AT+QFLST}: the files in UFS. */
    public List<LocalFile> list() throws ModemException {
        return list(channel.send("AT+QFLST", timeout));
    }

    /** {@code AT+QFLST=<pattern>}: e.g. {@code "*"}, {@code "RAM:*"}, or one name. */
    public List<LocalFile> list(String pattern) throws ModemException {
        return list(channel.send("AT+QFLST=" + quote(pattern), timeout));
    }

    private static List<LocalFile> list(AtResponse response) throws ModemException {
        List<LocalFile> files = new ArrayList<>();
        for (String line : response.lines("+QFLST:")) {
            List<String> fields = Fields.of(line);
            files.add(new LocalFile(fields.get(0), Fields.number(fields, fields.size() - 1, line)));
        }
        return files;
    }

    /** {@code AT+QFDEL=<name>}; {@code "*"} deletes every UFS file. */
    public void delete(String name) throws ModemException {
        channel.send("AT+QFDEL=" + quote(name), timeout);
    }

    /** Uploads {@code data} as the module file {@code name} ({@code AT+QFUPL}). */
    public FileTransfer upload(String name, byte[] data) throws ModemException {
        return upload(name, new ByteArrayInputStream(data), data.length);
    }

    /**
     * {@code AT+QFUPL=<name>,<size>,<timeout>}: uploads {@code size} bytes of {@code data} as {@code name}.
     *
     * @throws ModemException if the module stored a different length or reports another checksum
     */
    public FileTransfer upload(String name, InputStream data, long size) throws ModemException {
        XorChecksum checksum = new XorChecksum();
        long[] sent = new long[1];
        String line = "AT+QFUPL=" + quote(name) + "," + size + "," + Math.max(1, timeout.toSeconds());
        AtResponse response = channel.send(AtCommand.of(line).timeout(timeout).sending(out -> {
            byte[] buffer = new byte[BUFFER];
            while (sent[0] < size) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, size - sent[0]));
                if (n < 0) {
                    return true;
                }
                out.write(buffer, 0, n);
                checksum.update(buffer, 0, n);
                sent[0] += n;
            }
            return false;
        }));
        return verified(line, response, "+QFUPL:", sent[0], checksum.value());
    }

    /** Downloads the module file {@code name} ({@code AT+QFDWL}) into memory. */
    public byte[] download(String name) throws ModemException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download(name, out);
        return out.toByteArray();
    }

    /**
     * Downloads the module file {@code name} into {@code out}: its size first ({@code AT+QFLST}), so that exactly
     * that many bytes after {@code CONNECT} are taken as data, then {@code AT+QFDWL=<name>}.
     */
    public FileTransfer download(String name, OutputStream out) throws ModemException {
        List<LocalFile> found = list(name);
        if (found.size() != 1) {
            throw new ModemException("AT+QFLST=" + quote(name), "expected one file, found " + found, null);
        }
        long size = found.getFirst().size();
        XorChecksum checksum = new XorChecksum();
        long[] received = new long[1];
        OutputStream counting = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checksum.update(b, off, len);
                received[0] += len;
                out.write(b, off, len);
            }
        };
        String line = "AT+QFDWL=" + quote(name);
        AtResponse response = channel.send(AtCommand.of(line).receivingExactly(counting, size).timeout(timeout));
        return verified(line, response, "+QFDWL:", received[0], checksum.value());
    }

    private static FileTransfer verified(String command, AtResponse response, String prefix, long length,
            int checksum) throws ModemException {
        String line = response.line(prefix).orElseThrow(() ->
                new ModemException(command, "no " + prefix + " line in " + response, null));
        List<String> fields = Fields.of(line);
        long reported = Fields.number(fields, 0, line);
        int reportedChecksum;
        try {
            reportedChecksum = Integer.parseInt(fields.get(1), 16);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new ModemException(command, "unexpected response line '" + line + "'", e);
        }
        if (reported != length || reportedChecksum != checksum) {
            throw new ModemException(command, "module reports " + line + " but the client counted " + length
                    + " bytes, checksum " + Integer.toHexString(checksum), null);
        }
        return new FileTransfer(length, checksum);
    }

    /** {@code AT+QFOPEN=<name>,<mode>}: opens a file for random access. */
    public FileHandle open(String name, OpenMode mode) throws ModemException {
        AtResponse response = channel.send("AT+QFOPEN=" + quote(name) + "," + mode.ordinal(), timeout);
        String line = response.line("+QFOPEN:").orElseThrow(() ->
                new ModemException("AT+QFOPEN", "no +QFOPEN line in " + response, null));
        return new FileHandle(channel, (int) Fields.number(Fields.of(line), 0, line), timeout);
    }
}
