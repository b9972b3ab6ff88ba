package dev.qmodem.client;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.ModemException;
import dev.qmodem.client.at.UrcListener;
import dev.qmodem.client.file.FileClient;
import dev.qmodem.client.ftp.FtpClient;
import dev.qmodem.client.pdp.PdpClient;
import dev.qmodem.client.ssl.SslClient;
import java.time.Duration;
import java.util.List;

/**
 * A Quectel module (real, or qmodem) seen from the host: the AT channel and typed clients for FTP(S), files, SSL
 * contexts and PDP contexts sharing it. Get one from {@link QuectelModem}; close it to release the link.
 */
public final class Modem implements AutoCloseable {

    private final AtChannel channel;
    private final FtpClient ftp;
    private final FileClient files;
    private final SslClient ssl;
    private final PdpClient pdp;

    Modem(AtChannel channel) {
        this.channel = channel;
        this.ftp = new FtpClient(channel);
        this.files = new FileClient(channel);
        this.ssl = new SslClient(channel);
        this.pdp = new PdpClient(channel);
    }

    /**
     * Puts the module in the state the typed clients are easiest with: {@code ATE0} (no echo; echo is tolerated
     * anyway) and {@code AT+CMEE=1} (numeric {@code +CME ERROR} codes).
     */
    public Modem init() throws ModemException {
        channel.send("ATE0");
        channel.send("AT+CMEE=1");
        return this;
    }

    /**
     * Sets the {@code +++} guard time on both sides: {@code ATS12} on the module (in fiftieths of a second, so it
     * is rounded up) and the silence the channel keeps.
     */
    public void setGuardTime(Duration guardTime) throws ModemException {
        long fiftieths = Math.max(1, (guardTime.toMillis() + 19) / 20);
        channel.send("ATS12=" + fiftieths);
        channel.setGuardTime(Duration.ofMillis(fiftieths * 20));
    }

    /** {@code ATI}: manufacturer, model and revision lines. */
    public List<String> identify() throws ModemException {
        return channel.send("ATI").lines();
    }

    /** The AT channel, for commands the typed clients do not cover. */
    public AtChannel at() {
        return channel;
    }

    /** The FTP(S) client ({@code AT+QFTP*}). */
    public FtpClient ftp() {
        return ftp;
    }

    /** The module's file system ({@code AT+QF*}). */
    public FileClient files() {
        return files;
    }

    /** SSL contexts ({@code AT+QSSLCFG}). */
    public SslClient ssl() {
        return ssl;
    }

    /** PDP contexts ({@code AT+QICSGP}, {@code AT+QIACT}). */
    public PdpClient pdp() {
        return pdp;
    }

    /** Adds a listener for URCs no command waits for, e.g. {@code +QIURC: "pdpdeact",1}. */
    public void addUrcListener(UrcListener listener) {
        channel.addUrcListener(listener);
    }

    /** Removes a URC listener. */
    public void removeUrcListener(UrcListener listener) {
        channel.removeUrcListener(listener);
    }

    /** Closes the link. */
    @Override
    public void close() {
        channel.close();
    }
}
