package dev.qmodem.command.ftp;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.Vsftpd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module on loopback TCP, a real FTP server, and the host's connection to the module: what every FTP transfer and
 * failure test starts from. Everything the tests do goes through the host connection as AT text and data-mode
 * bytes; the server's folder is only read and written to place and check files.
 */
final class FtpRig implements AutoCloseable {

    /** The servers the transfer tests run against. */
    enum Server { EMBEDDED, VSFTPD }

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Server kind;
    private final Vsftpd vsftpd;
    private final EmbeddedFtpServer embedded;
    private final Path ufs;
    private final RunningModule modem;
    private HostConnection host;

    private FtpRig(Server kind, Vsftpd vsftpd, EmbeddedFtpServer embedded, Path ufs, RunningModule modem)
            throws IOException {
        this.kind = kind;
        this.vsftpd = vsftpd;
        this.embedded = embedded;
        this.ufs = ufs;
        this.modem = modem;
        this.host = modem.connect();
    }

    static FtpRig start(Server kind, Model model, Path work) throws IOException {
        return start(kind, model, work, UnaryOperator.identity());
    }

    /** Starts the server (vsftpd options through {@code vsftpdOptions}), the module, and connects the host. */
    static FtpRig start(Server kind, Model model, Path work, UnaryOperator<Vsftpd.Builder> vsftpdOptions)
            throws IOException {
        Vsftpd vsftpd = null;
        EmbeddedFtpServer embedded = null;
        if (kind == Server.VSFTPD) {
            Peers.requireVsftpd();
            vsftpd = vsftpdOptions.apply(Vsftpd.builder()).start();
        } else {
            Path root = Files.createDirectories(work.resolve("server"));
            embedded = EmbeddedFtpServer.builder().root(root).tls(false).start();
        }
        Path ufs = Files.createDirectories(work.resolve("ufs"));
        RunningModule modem = RunningModule.start(new ModuleConfig(model, ufs, new Properties(),
                Map.of("ftp.example.test", "127.0.0.1")));
        return new FtpRig(kind, vsftpd, embedded, ufs, modem);
    }

    HostConnection host() {
        return host;
    }

    /**
     * The host hangs up and a new host connects (as after unplugging the serial cable), once the module has seen
     * the hang-up: like a serial line, it refuses a second host while it still serves the first.
     */
    HostConnection reconnect() throws IOException, InterruptedException {
        host.close();
        while (modem.modem().busy()) {
            Thread.sleep(10);
        }
        Thread.sleep(50); // the transport forgets the old socket just after the module lets it go
        host = modem.connect();
        return host;
    }

    Path ufs() {
        return ufs;
    }

    Path serverRoot() {
        return vsftpd != null ? vsftpd.root() : embedded.root();
    }

    int port() {
        return vsftpd != null ? vsftpd.port() : embedded.port();
    }

    String user() {
        return vsftpd != null ? vsftpd.user() : embedded.user();
    }

    String password() {
        return vsftpd != null ? vsftpd.password() : embedded.password();
    }

    /** Echo off, PDP context 1 up, account, transfer mode (0 active, 1 passive), binary, then the login. */
    void login(int transmode) throws IOException {
        host.command("ATE0");
        expect("ATE0\r\r\nOK\r\n");
        at("AT+QIACT=1", "\r\nOK\r\n");
        configure(transmode);
        open();
    }

    /** AT+QFTPCFG account, transmode and binary filetype. */
    void configure(int transmode) throws IOException {
        at("AT+QFTPCFG=\"account\",\"" + user() + "\",\"" + password() + "\"", "\r\nOK\r\n");
        at("AT+QFTPCFG=\"transmode\"," + transmode, "\r\nOK\r\n");
        at("AT+QFTPCFG=\"filetype\",0", "\r\nOK\r\n");
    }

    /** AT+QFTPOPEN to this rig's server, through the alias {@code ftp.example.test}, expecting success. */
    void open() throws IOException {
        at("AT+QFTPOPEN=\"ftp.example.test\"," + port(), "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");
    }

    /** Sends a command line and expects exactly {@code expected} back (URCs included). */
    void at(String line, String expected) throws IOException {
        host.command(line);
        expect(expected);
    }

    /** Reads exactly as many bytes as {@code expected} has and compares them, showing escapes on failure. */
    void expect(String expected) throws IOException {
        expect(host, expected);
    }

    /** Reads exactly as many bytes as {@code expected} has from {@code host} and compares them. */
    static void expect(HostConnection host, String expected) throws IOException {
        byte[] seen = host.readAvailable(expected.length(), WAIT);
        assertThat(Escapes.show(seen)).isEqualTo(Escapes.show(expected.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Reads up to the URC matching {@code urc} (anchored at the end); returns the match for its groups. */
    Matcher expectMatch(String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex + "$");
        String seen = host.readUntilMatch(pattern, WAIT);
        Matcher matcher = pattern.matcher(seen);
        assertThat(matcher.find()).isTrue();
        assertThat(seen.substring(0, matcher.start())).as("bytes before %s", regex).isEmpty();
        return matcher;
    }

    /** Puts a file into the server's folder, usable by the server's user. */
    Path place(String name, byte[] content) throws IOException {
        Path file = serverRoot().resolve(name);
        Files.write(file, content);
        grant(file);
        return file;
    }

    /** Puts a file of {@code size} bytes of {@link Payloads#stream} into the server's folder without holding it. */
    Path placeStreamed(String name, long size) throws IOException {
        Path file = serverRoot().resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Payloads.write(out, size);
        }
        grant(file);
        return file;
    }

    private void grant(Path file) {
        if (vsftpd != null) {
            Peers.giveToFtpUser(file);
        }
    }

    /**
     * Kills the server side of every session in progress: vsftpd's per-connection processes (the listener lives on
     * and takes new logins), or the whole embedded server.
     */
    void killServerSessions() {
        if (vsftpd == null) {
            embedded.close();
            return;
        }
        String config = vsftpd.log().getParent().resolve("vsftpd.conf").toString();
        ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> a.length > 0 && a[a.length - 1].equals(config))
                        .orElse(false))
                .flatMap(ProcessHandle::descendants)
                .forEach(ProcessHandle::destroyForcibly);
    }

    Server kind() {
        return kind;
    }

    @Override
    public void close() throws IOException {
        host.close();
        modem.close();
        if (vsftpd != null) {
            vsftpd.close();
        } else {
            embedded.close();
        }
    }
}
