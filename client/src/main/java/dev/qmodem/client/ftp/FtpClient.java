package dev.qmodem.client.ftp;

import static dev.qmodem.client.at.AtCommand.quote;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.at.DataWriter;
import dev.qmodem.client.at.Fields;
import dev.qmodem.client.at.ModemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The module's FTP(S) client ({@code AT+QFTP*}), typed: each method sends one command, waits for its result URC
 * and returns the value or throws {@link FtpException} with {@code <err>} and {@code <protocol_error>}. Model
 * differences in the answers (UC20 {@code +QFTPPWD: 0,/} vs BG95 {@code +QFTPPWD: 0,"/"}, {@code +QFTPLEN}
 * before or after {@code OK}) are absorbed. Transfers through {@code "COM:"} stream through the caller's
 * {@link InputStream} / {@link OutputStream} with bounded memory; {@code Local} variants move module files.
 */
public final class FtpClient {

    private static final int BUFFER = 8192;
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final AtChannel channel;
    private volatile Duration wait = Duration.ofSeconds(90).plus(MARGIN);

    /** An FTP client over {@code channel}. */
    public FtpClient(AtChannel channel) {
        this.channel = channel;
    }

    /**
     * Sends each setting of {@code config} with {@code AT+QFTPCFG}; a response timeout also sets how long this
     * client waits for result URCs (that timeout plus 10 s).
     */
    public void configure(FtpConfig config) throws ModemException {
        for (String line : config.commands()) {
            synchronous(line);
        }
        if (config.responseTimeoutSeconds() != null) {
            wait = Duration.ofSeconds(config.responseTimeoutSeconds()).plus(MARGIN);
        }
    }

    /**
     * Sets how long to wait for a result URC, {@code CONNECT}, or the next data bytes, without telling the module:
     * for a module whose {@code rsptimeout} was set elsewhere, or for tests.
     */
    public void setResponseWait(Duration wait) {
        this.wait = wait;
    }

    /** {@code AT+QFTPOPEN=<host>,<port>}: connects and logs in. */
    public void open(String host, int port) throws ModemException {
        operation("AT+QFTPOPEN=" + quote(host) + "," + port, "+QFTPOPEN:");
    }

    /** {@code AT+QFTPCLOSE}: logs out and closes the session. */
    public void close() throws ModemException {
        operation("AT+QFTPCLOSE", "+QFTPCLOSE:");
    }

    /** {@code AT+QFTPCWD=<path>}. */
    public void cwd(String path) throws ModemException {
        operation("AT+QFTPCWD=" + quote(path), "+QFTPCWD:");
    }

    /** {@code AT+QFTPPWD}: the current directory, unquoted. */
    public String pwd() throws ModemException {
        String line = operation("AT+QFTPPWD", "+QFTPPWD:");
        String parameters = Fields.parameters(line);
        int comma = parameters.indexOf(',');
        return Fields.unquote(comma < 0 ? "" : parameters.substring(comma + 1));
    }

    /** {@code AT+QFTPMKDIR=<folder>}. */
    public void mkdir(String folder) throws ModemException {
        operation("AT+QFTPMKDIR=" + quote(folder), "+QFTPMKDIR:");
    }

    /** {@code AT+QFTPRMDIR=<folder>}. */
    public void rmdir(String folder) throws ModemException {
        operation("AT+QFTPRMDIR=" + quote(folder), "+QFTPRMDIR:");
    }

    /** {@code AT+QFTPDEL=<file>}. */
    public void delete(String file) throws ModemException {
        operation("AT+QFTPDEL=" + quote(file), "+QFTPDEL:");
    }

    /** {@code AT+QFTPRENAME=<old>,<new>}: renames a file or folder. */
    public void rename(String from, String to) throws ModemException {
        operation("AT+QFTPRENAME=" + quote(from) + "," + quote(to), "+QFTPRENAME:");
    }

    /** {@code AT+QFTPSIZE=<file>}: the file's size in bytes. */
    public long size(String file) throws ModemException {
        String line = operation("AT+QFTPSIZE=" + quote(file), "+QFTPSIZE:");
        List<String> fields = Fields.of(line);
        // tolerate the documents' example "+QFTPSIZE: 1000" (a typo for 0,1000)
        return Fields.number(fields, fields.size() == 1 ? 0 : 1, line);
    }

    /** {@code AT+QFTPMDTM=<file>}: the modification time the server reports (UTC by RFC 3659). */
    public LocalDateTime modificationTime(String file) throws ModemException {
        String line = operation("AT+QFTPMDTM=" + quote(file), "+QFTPMDTM:");
        List<String> fields = Fields.of(line);
        String value = fields.size() < 2 ? "" : fields.get(1);
        int dot = value.indexOf('.');
        try {
            LocalDateTime time = LocalDateTime.parse(dot < 0 ? value : value.substring(0, dot), MDTM);
            return dot < 0 ? time : time.plusNanos(Long.parseLong((value.substring(dot + 1) + "000").substring(0, 3))
                    * 1_000_000L);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ModemException(null, "unexpected response line '" + line + "'", e);
        }
    }

    /** {@code AT+QFTPSTAT}: the FTP service's state. */
    public FtpStatus status() throws ModemException {
        String line = operation("AT+QFTPSTAT", "+QFTPSTAT:");
        return FtpStatus.of((int) Fields.number(Fields.of(line), 1, line));
    }

    /** {@code AT+QFTPLEN}: bytes moved by the last or current transfer. */
    public long transferredLength() throws ModemException {
        String line = operation("AT+QFTPLEN", "+QFTPLEN:");
        return Fields.number(Fields.of(line), 1, line);
    }

    /**
     * Uploads everything {@code data} holds to {@code remote} through {@code "COM:"}, ended by the {@code +++}
     * escape after the guard time (see {@link AtChannel#setGuardTime}). Prefer
     * {@link #put(String, InputStream, long)} when the length is known: no guard time, and {@code +++} in the data
     * is harmless. A stream that pauses for a whole guard time before sending {@code +++} itself would end the
     * upload early.
     *
     * @return {@code <transferlen>}, the bytes the server got
     */
    public long put(String remote, InputStream data) throws ModemException {
        return put("AT+QFTPPUT=" + quote(remote) + ",\"COM:\",0", out -> {
            data.transferTo(out);
            return true;
        });
    }

    /**
     * Uploads {@code length} bytes of {@code data} to {@code remote} through {@code "COM:"} with
     * {@code <uploadlen>} and {@code <beof>}=1: the module leaves data mode by itself after the last byte.
     *
     * @return {@code <transferlen>}
     */
    public long put(String remote, InputStream data, long length) throws ModemException {
        return putPart(remote, 0, data, length, true);
    }

    /** Uploads {@code data} to {@code remote}, see {@link #put(String, InputStream, long)}. */
    public long put(String remote, byte[] data) throws ModemException {
        return put(remote, new ByteArrayInputStream(data), data.length);
    }

    /**
     * {@code AT+QFTPPUT=<remote>,"COM:",<startpos>,<uploadlen>,<beof>}: uploads one part of a file. With
     * {@code last} false the data connection stays open for the next part, which must start where this one ended.
     * If {@code data} ends before {@code length} bytes, the part ends early with {@code +++}.
     *
     * @return {@code <transferlen>}
     */
    public long putPart(String remote, long startPosition, InputStream data, long length, boolean last)
            throws ModemException {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        String line = "AT+QFTPPUT=" + quote(remote) + ",\"COM:\"," + startPosition + "," + length + ","
                + (last ? 1 : 0);
        return put(line, out -> copy(data, out, length) < length);
    }

    /** {@code AT+QFTPPUT=<remote>,<local>,<startpos>}: uploads a file of the module's file system. */
    public long putLocal(String remote, String local, long startPosition) throws ModemException {
        String line = operation("AT+QFTPPUT=" + quote(remote) + "," + quote(local) + "," + startPosition,
                "+QFTPPUT:");
        return Fields.number(Fields.of(line), 1, line);
    }

    private long put(String line, DataWriter writer) throws ModemException {
        String outcome = run(AtCommand.of(line).expecting("+QFTPPUT:").sending(writer));
        return Fields.number(Fields.of(outcome), 1, outcome);
    }

    /**
     * Downloads {@code remote} through {@code "COM:"} into {@code out}.
     *
     * @return {@code <transferlen>}, equal to the bytes written to {@code out}
     */
    public long get(String remote, OutputStream out) throws ModemException {
        return receive("AT+QFTPGET=" + quote(remote) + ",\"COM:\"", "+QFTPGET:", out);
    }

    /**
     * {@code AT+QFTPGET=<remote>,"COM:",<startpos>,<downloadlen>}: downloads at most {@code length} bytes from
     * {@code startPosition}; fewer means the file ended.
     */
    public long get(String remote, OutputStream out, long startPosition, long length) throws ModemException {
        return receive("AT+QFTPGET=" + quote(remote) + ",\"COM:\"," + startPosition + "," + length, "+QFTPGET:",
                out);
    }

    /** {@code AT+QFTPGET=<remote>,<local>,<startpos>}: downloads into a file of the module's file system. */
    public long getLocal(String remote, String local, long startPosition) throws ModemException {
        String line = operation("AT+QFTPGET=" + quote(remote) + "," + quote(local) + "," + startPosition,
                "+QFTPGET:");
        return Fields.number(Fields.of(line), 1, line);
    }

    /** {@code AT+QFTPLIST=<dir>,"COM:"}: the LIST lines of {@code dir} ("." for the current directory). */
    public List<String> list(String dir) throws ModemException {
        return lines(Listing.LIST, dir);
    }

    /** {@code AT+QFTPNLST=<dir>,"COM:"}: the names in {@code dir}. */
    public List<String> nlst(String dir) throws ModemException {
        return lines(Listing.NLST, dir);
    }

    /** {@code AT+QFTPMLSD=<dir>,"COM:"}: the MLSD fact lines of {@code dir}. */
    public List<String> mlsd(String dir) throws ModemException {
        return lines(Listing.MLSD, dir);
    }

    /** A listing of {@code dir} through {@code "COM:"}, raw, into {@code out}; returns its length. */
    public long listing(Listing kind, String dir, OutputStream out) throws ModemException {
        return receive(kind.command() + "=" + quote(dir) + ",\"COM:\"", kind.urc(), out);
    }

    /** A listing of {@code dir} saved into the module's file {@code local}; returns its length. */
    public long listing(Listing kind, String dir, String local) throws ModemException {
        String line = operation(kind.command() + "=" + quote(dir) + "," + quote(local), kind.urc());
        return Fields.number(Fields.of(line), 1, line);
    }

    private List<String> lines(Listing kind, String dir) throws ModemException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        listing(kind, dir, out);
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\r?\n")).filter(l -> !l.isEmpty()).toList();
    }

    private long receive(String line, String urc, OutputStream out) throws ModemException {
        String outcome = run(AtCommand.of(line).receivingUntil(out, urc));
        return Fields.number(Fields.of(outcome), 1, outcome);
    }

    /** Sends a command whose result is {@code OK} then {@code prefix: <err>,...}; returns that line. */
    private String operation(String line, String prefix) throws ModemException {
        return run(AtCommand.of(line).expecting(prefix));
    }

    private String run(AtCommand command) throws ModemException {
        AtResponse response;
        try {
            response = channel.send(command.timeout(wait));
        } catch (ModemException e) {
            throw asFtp(command.line(), e);
        }
        String outcome = response.outcome().orElseThrow();
        List<String> fields = Fields.of(outcome);
        long err = Fields.number(fields, 0, outcome);
        // a one-field answer can only be the documents' "+QFTPSIZE: <size>" typo, never an error
        if (err != 0 && fields.size() >= 2) {
            throw new FtpException(command.line(), (int) err, (int) Fields.number(fields, 1, outcome), outcome);
        }
        return outcome;
    }

    private void synchronous(String line) throws ModemException {
        try {
            channel.send(line);
        } catch (ModemException e) {
            throw asFtp(line, e);
        }
    }

    /** A refused FTP command ({@code +CME ERROR: 603}) as an FtpException; timeouts and link failures as they are. */
    private static ModemException asFtp(String line, ModemException e) {
        if (e.error() == ModemException.NO_CODE || e instanceof FtpException) {
            return e;
        }
        FtpException ftp = new FtpException(line, e.error(), 0, "+CME ERROR: " + e.error());
        ftp.initCause(e);
        return ftp;
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (total < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
