package dev.qmodem.command.ftp;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.HostileFtpServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module on loopback TCP whose FTP server is a {@link HostileFtpServer}, and the host's connection to it. The
 * profile's {@code rsptimeout} range is widened down to 1 s so deadline tests stay short.
 */
final class HostileRig implements AutoCloseable {

    private final HostileFtpServer server;
    private final RunningModule modem;
    private final HostConnection host;

    private HostileRig(HostileFtpServer server, RunningModule modem) throws IOException {
        this.server = server;
        this.modem = modem;
        this.host = modem.connect();
    }

    static HostileRig start(Model model, Path work, HostileFtpServer.Script script) throws IOException {
        HostileFtpServer server = HostileFtpServer.start(script);
        Properties overrides = new Properties();
        overrides.setProperty("ftp.range.rsptimeout", "1-180");
        RunningModule modem = RunningModule.start(new ModuleConfig(model,
                Files.createDirectories(work.resolve("ufs")), overrides, Map.of()));
        return new HostileRig(server, modem);
    }

    HostileFtpServer server() {
        return server;
    }

    HostConnection host() {
        return host;
    }

    /** Echo off, context 1 up, an account, passive binary, and the given rsptimeout in seconds. */
    void configure(int rsptimeout) throws IOException {
        host.command("ATE0");
        expect("ATE0\r\r\nOK\r\n");
        at("AT+QIACT=1", "\r\nOK\r\n");
        at("AT+QFTPCFG=\"account\",\"u\",\"p\"", "\r\nOK\r\n");
        at("AT+QFTPCFG=\"filetype\",0", "\r\nOK\r\n");
        at("AT+QFTPCFG=\"transmode\",1", "\r\nOK\r\n");
        at("AT+QFTPCFG=\"rsptimeout\"," + rsptimeout, "\r\nOK\r\n");
    }

    /** AT+QFTPOPEN to the hostile server, expecting the given URC result. */
    void open(String result) throws IOException {
        at("AT+QFTPOPEN=\"127.0.0.1\"," + server.port(), "\r\nOK\r\n\r\n+QFTPOPEN: " + result + "\r\n");
    }

    void at(String line, String expected) throws IOException {
        host.command(line);
        expect(expected);
    }

    void expect(String expected) throws IOException {
        FtpRig.expect(host, expected);
    }

    /** Sends {@code line}, expects {@code OK} and then {@code urc}; how long that took. */
    Duration timedUrc(String line, String urc) throws IOException {
        long start = System.nanoTime();
        at(line, "\r\nOK\r\n");
        expect(urc);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reads up to and including a match of {@code regex} at the end, failing if anything came before it. */
    String expectMatch(String regex, Duration wait) throws IOException {
        String seen = host.readUntilMatch(Pattern.compile(regex + "$"), wait);
        assertThat(seen).matches(regex);
        return seen;
    }

    /** After a hostile episode: the module answers, and the session is closed so a new open may start. */
    void assertUsableAndClosed() throws IOException {
        at("AT", "\r\nOK\r\n");
        at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
        at("AT+QFTPCLOSE", "\r\n+CME ERROR: 625\r\n");
    }

    @Override
    public void close() throws Exception {
        host.close();
        modem.close();
        server.close();
    }
}
