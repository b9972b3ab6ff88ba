package dev.qmodem.command.ssl;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.PureFtpd;
import dev.qmodem.testpeers.Vsftpd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One FTPS session per model, server and TLS version, each of {@value #TRANSFERS} transfers of every kind (GET, PUT,
 * LIST, NLST, MLSD, to and from COM: and files, 1 MiB uploads from COM: among them), all through the host's TCP
 * connection. vsftpd demands that every data connection resume the control connection's TLS session
 * ({@code require_ssl_reuse=YES}), so a session that loses its TLS session fails there with 522. Servers are started
 * once and shared; each session works in a folder of its own.
 */
class FtpsLongSessionTest {

    static final int TRANSFERS = 50;
    private static final int MIB = 1 << 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A server the sessions run against: explicit TLS for BG95/BG77, implicit for UC20 (its ssltype is 0-1). */
    enum Server {
        VSFTPD_EXPLICIT(true), PURE_FTPD_EXPLICIT(true), EMBEDDED_EXPLICIT(true),
        VSFTPD_IMPLICIT(false), EMBEDDED_IMPLICIT(false);

        final boolean explicit;

        Server(boolean explicit) {
            this.explicit = explicit;
        }

        boolean hasMlsd() {
            return this != VSFTPD_EXPLICIT && this != VSFTPD_IMPLICIT;
        }
    }

    /** {@code sslversion} 3 (TLS 1.2 only) and 4 (all: TLS 1.3 with these servers). */
    enum Tls {
        TLS12(3), TLS13(4);

        final int sslVersion;

        Tls(int sslVersion) {
            this.sslVersion = sslVersion;
        }
    }

    private record Endpoint(int port, String user, String password, Path root, boolean ownedByFtpUser) {
    }

    private static final Map<Server, Endpoint> STARTED = new EnumMap<>(Server.class);
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    private static EmbeddedFtpServer embedded;

    static Stream<Arguments> sessions() {
        List<Arguments> sessions = new ArrayList<>();
        for (Model model : Model.values()) {
            for (Server server : Server.values()) {
                if (server.explicit == (model != Model.UC20)) {
                    for (Tls tls : Tls.values()) {
                        sessions.add(Arguments.of(model, server, tls));
                    }
                }
            }
        }
        return sessions.stream();
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable server : RUNNING) {
            server.close();
        }
        RUNNING.clear();
        STARTED.clear();
        embedded = null;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sessions")
    @Timeout(90)
    void everyTransferResumesTheSession(Model model, Server server, Tls tls, @TempDir Path ufs) throws Exception {
        Endpoint endpoint = endpoint(server);
        String folder = (model + "-" + server + "-" + tls).toLowerCase();
        Path remote = Files.createDirectories(endpoint.root().resolve(folder));
        if (endpoint.ownedByFtpUser()) {
            Peers.giveToFtpUser(remote);
        }
        try (RunningModule modem = RunningModule.start(model, ufs); HostConnection host = modem.connect()) {
            Session session = new Session(host, ufs, remote);
            session.open(server, tls, endpoint);
            session.at("AT+QFTPCWD=\"/" + folder + "\"", "\r\nOK\r\n\r\n+QFTPCWD: 0,0\r\n");
            for (int i = 0; i < TRANSFERS; i++) {
                session.transfer(i, server);
            }
            assertThat(session.transfers).isEqualTo(TRANSFERS);
            session.at("AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
        }
    }

    private static synchronized Endpoint endpoint(Server server) {
        return STARTED.computeIfAbsent(server, kind -> switch (kind) {
            case VSFTPD_EXPLICIT -> vsftpd(Vsftpd.Tls.EXPLICIT);
            case VSFTPD_IMPLICIT -> vsftpd(Vsftpd.Tls.IMPLICIT);
            case PURE_FTPD_EXPLICIT -> {
                Peers.requirePureFtpd();
                PureFtpd ftp = started(() -> PureFtpd.builder().explicitTls(true).start());
                yield new Endpoint(ftp.port(), ftp.user(), ftp.password(), ftp.root(), true);
            }
            case EMBEDDED_EXPLICIT, EMBEDDED_IMPLICIT -> {
                EmbeddedFtpServer ftp = embedded();
                int port = (kind.explicit ? ftp.explicitTlsPort() : ftp.implicitTlsPort()).orElseThrow();
                yield new Endpoint(port, ftp.user(), ftp.password(), ftp.root(), false);
            }
        });
    }

    private static Endpoint vsftpd(Vsftpd.Tls mode) {
        Peers.requireVsftpd();
        Vsftpd ftp = started(() -> Vsftpd.builder().tls(mode).start());
        return new Endpoint(ftp.port(), ftp.user(), ftp.password(), ftp.root(), true);
    }

    private static EmbeddedFtpServer embedded() {
        if (embedded == null) {
            embedded = started(() -> {
                try {
                    Path folder = Files.createTempDirectory("qmodem-ftps-long");
                    return EmbeddedFtpServer.builder().root(folder.resolve("root")).dataFolder(folder).start();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return embedded;
    }

    private static <T extends AutoCloseable> T started(Supplier<T> start) {
        T server = start.get();
        RUNNING.add(server);
        return server;
    }

    /** The host's side of one FTP session: AT commands, data mode bytes, and checks of what arrived where. */
    private static final class Session {
        private final HostConnection host;
        private final Path ufs;
        private final Path remote;
        private final byte[] mib = new byte[MIB];
        private int transfers;

        Session(HostConnection host, Path ufs, Path remote) {
            this.host = host;
            this.ufs = ufs;
            this.remote = remote;
            new Random(MIB).nextBytes(mib);
        }

        void open(Server server, Tls tls, Endpoint endpoint) throws IOException {
            at("ATE0", "ATE0\r\r\nOK\r\n");
            at("AT+QIACT=1", "\r\nOK\r\n");
            at("AT+QFTPCFG=\"account\",\"" + endpoint.user() + "\",\"" + endpoint.password() + "\"", "\r\nOK\r\n");
            at("AT+QFTPCFG=\"transmode\",1", "\r\nOK\r\n");
            at("AT+QFTPCFG=\"filetype\",0", "\r\nOK\r\n");
            at("AT+QFTPCFG=\"ssltype\"," + (server.explicit ? 2 : 1), "\r\nOK\r\n");
            for (int context = 0; context <= 1; context++) {
                at("AT+QSSLCFG=\"sslversion\"," + context + "," + tls.sslVersion, "\r\nOK\r\n");
            }
            at("AT+QFTPOPEN=\"127.0.0.1\"," + endpoint.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");
        }

        /** Transfer {@code i} of the session: ten kinds in turn, sizes changing from round to round. */
        void transfer(int i, Server server) throws IOException {
            int round = i / 10;
            String name = "f" + i + ".bin";
            switch (i % 10) {
                case 0 -> putFromCom(name, mib, MIB);
                case 1 -> getToCom("f" + (i - 1) + ".bin", mib, MIB);
                case 2 -> listing("+QFTPLIST", "AT+QFTPLIST=\".\",\"COM:\"", "f" + (i - 2) + ".bin");
                case 3 -> putFromCom(name, mib, 1 + round * 997);
                case 4 -> getToFile("f" + (i - 4) + ".bin", MIB);
                case 5 -> listing("+QFTPNLST", "AT+QFTPNLST=\".\",\"COM:\"", "f" + (i - 2) + ".bin");
                case 6 -> putFromFile(name, 40_000 + round * 4_099);
                case 7 -> {
                    if (server.hasMlsd()) {
                        listing("+QFTPMLSD", "AT+QFTPMLSD=\".\",\"COM:\"", "f" + (i - 1) + ".bin");
                    } else {
                        listingToFile("+QFTPNLST", "AT+QFTPNLST=\".\",\"UFS:names.txt\"", "f" + (i - 1) + ".bin");
                    }
                }
                case 8 -> getToCom("f" + (i - 5) + ".bin", mib, 1 + round * 997);
                default -> putFromCom(name, Arrays.copyOfRange(mib, MIB / 2, MIB), 100_000 + round * 10_007);
            }
            transfers++;
        }

        private void putFromCom(String name, byte[] source, int size) throws IOException {
            at("AT+QFTPPUT=\"" + name + "\",\"COM:\",0," + size + ",1", "\r\nCONNECT\r\n");
            host.send(Arrays.copyOf(source, size));
            expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + size + "\r\n");
            assertThat(Arrays.mismatch(Files.readAllBytes(remote.resolve(name)), Arrays.copyOf(source, size)))
                    .as("first byte of %s that differs on the server", name).isEqualTo(-1);
        }

        private void getToCom(String name, byte[] source, int size) throws IOException {
            at("AT+QFTPGET=\"" + name + "\",\"COM:\"", "\r\nCONNECT\r\n");
            assertThat(Arrays.mismatch(host.read(size, WAIT), Arrays.copyOf(source, size)))
                    .as("first byte of %s that differs", name).isEqualTo(-1);
            expect("\r\nOK\r\n\r\n+QFTPGET: 0," + size + "\r\n");
        }

        private void getToFile(String name, int size) throws IOException {
            at("AT+QFTPGET=\"" + name + "\",\"UFS:down.bin\"", "\r\nOK\r\n\r\n+QFTPGET: 0," + size + "\r\n");
            assertThat(Files.readAllBytes(ufs.resolve("down.bin"))).isEqualTo(Files.readAllBytes(remote.resolve(name)));
        }

        private void putFromFile(String name, int size) throws IOException {
            Files.write(ufs.resolve("up.bin"), Arrays.copyOfRange(mib, 7, 7 + size));
            at("AT+QFTPPUT=\"" + name + "\",\"UFS:up.bin\",0", "\r\nOK\r\n\r\n+QFTPPUT: 0," + size + "\r\n");
            assertThat(Files.readAllBytes(remote.resolve(name))).isEqualTo(Arrays.copyOfRange(mib, 7, 7 + size));
        }

        private void listing(String urc, String command, String mustName) throws IOException {
            at(command, "\r\nCONNECT\r\n");
            Pattern end = Pattern.compile("\r\nOK\r\n\r\n\\" + urc + ": (\\d+),(\\d+)\r\n$");
            String seen = host.readUntilMatch(end, WAIT);
            Matcher matcher = end.matcher(seen);
            assertThat(matcher.find()).isTrue();
            assertThat(matcher.group(1)).as(urc + " error in " + Escapes.show(seen)).isEqualTo("0");
            String listing = seen.substring(0, matcher.start());
            assertThat(listing).contains(mustName).hasSize(Integer.parseInt(matcher.group(2)));
        }

        private void listingToFile(String urc, String command, String mustName) throws IOException {
            at(command, "\r\nOK\r\n");
            Pattern end = Pattern.compile("\r\n\\" + urc + ": 0,(\\d+)\r\n$");
            Matcher matcher = end.matcher(host.readUntilMatch(end, WAIT));
            assertThat(matcher.find()).isTrue();
            String listing = Files.readString(ufs.resolve("names.txt"), StandardCharsets.ISO_8859_1);
            assertThat(listing).contains(mustName).hasSize(Integer.parseInt(matcher.group(1)));
        }

        void at(String line, String expected) throws IOException {
            host.command(line);
            expect(expected);
        }

        private void expect(String expected) throws IOException {
            byte[] seen = host.readAvailable(expected.length(), WAIT);
            assertThat(Escapes.show(seen)).isEqualTo(Escapes.show(expected.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
