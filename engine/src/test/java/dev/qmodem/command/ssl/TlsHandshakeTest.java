package dev.qmodem.command.ssl;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.TestCertificates;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the module's TLS client hello carries and how long it waits, seen by test servers on loopback: {@code sni}
 * 1 names the host and 0 does not, {@code sslversion} offers exactly the versions it names, and {@code negotiatetime}
 * ends a handshake the server never answers with 631.
 */
@Timeout(60)
class TlsHandshakeTest {

    private static final Pattern OPEN_URC = Pattern.compile("\\+QFTPOPEN: (\\d+),(\\d+)\r\n$");
    private static final String HOST = "ftp.example.test";

    @TempDir
    Path ufs;

    /** What the test server saw of one handshake. */
    private record Handshake(List<SNIServerName> serverNames, String protocol) {
    }

    @Test
    void sniNamesTheHostOnlyWhenAsked() throws Exception {
        try (RecordingTlsServer server = new RecordingTlsServer();
             RunningModule modem = RunningModule.start(new ModuleConfig(Model.BG95, ufs, new Properties(),
                     Map.of(HOST, "127.0.0.1")));
             HostConnection host = modem.connect()) {
            configure(host);
            assertThat(at(host, "AT+QSSLCFG=\"sni\",0,1")).endsWith("OK\r\n");
            open(host, HOST, server.port());
            assertThat(server.next().serverNames()).containsExactly(new SNIHostName(HOST));

            assertThat(at(host, "AT+QSSLCFG=\"sni\",0,0")).endsWith("OK\r\n");
            open(host, HOST, server.port());
            assertThat(server.next().serverNames()).isEmpty();

            assertThat(at(host, "AT+QSSLCFG=\"sni\",0,1")).endsWith("OK\r\n");
            open(host, "127.0.0.1", server.port());
            assertThat(server.next().serverNames()).as("an IP address is no host name").isEmpty();

            assertThat(at(host, "AT+QSSLCFG=\"sslversion\",0,3")).as("TLS 1.2: the other provider").endsWith("OK\r\n");
            open(host, HOST, server.port());
            assertThat(server.next().serverNames()).containsExactly(new SNIHostName(HOST));
            assertThat(at(host, "AT+QSSLCFG=\"sni\",0,0")).endsWith("OK\r\n");
            open(host, HOST, server.port());
            assertThat(server.next().serverNames()).isEmpty();
        }
    }

    @Test
    void sslversionOffersExactlyTheVersionsItNames() throws Exception {
        try (RecordingTlsServer server = new RecordingTlsServer();
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            configure(host);
            assertThat(at(host, "AT+QSSLCFG=\"sslversion\",0,3")).endsWith("OK\r\n");
            open(host, "127.0.0.1", server.port());
            assertThat(server.next().protocol()).as("TLS 1.2 only, from a server that prefers 1.3")
                    .isEqualTo("TLSv1.2");

            assertThat(at(host, "AT+QSSLCFG=\"sslversion\",0,4")).endsWith("OK\r\n");
            open(host, "127.0.0.1", server.port());
            assertThat(server.next().protocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void negotiatetimeEndsAHandshakeTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            Thread.ofVirtual().start(() -> holdSilently(silent));
            configure(host);
            assertThat(at(host, "AT+QFTPCFG=\"rsptimeout\",60")).endsWith("OK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"negotiatetime\",0,10")).endsWith("OK\r\n");
            assertThat(at(host, "AT+QFTPOPEN=\"127.0.0.1\"," + silent.getLocalPort())).isEqualTo("\r\nOK\r\n");
            long start = System.nanoTime();
            String urc = host.readUntilMatch(OPEN_URC, Duration.ofSeconds(40));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(urc).endsWith("+QFTPOPEN: 631,0\r\n");
            assertThat(seconds).as("seconds until the URC").isBetween(9L, 20L);
            assertThat(at(host, "AT+QFTPSTAT")).contains("+QFTPSTAT: 0,4");
        }
    }

    /** Echo off, PDP up, implicit FTPS with SSL context 0 at seclevel 0. */
    private static void configure(HostConnection host) throws IOException {
        for (String command : new String[] {"ATE0", "AT+QIACT=1", "AT+QFTPCFG=\"account\",\"u\",\"p\"",
                "AT+QFTPCFG=\"transmode\",1", "AT+QFTPCFG=\"ssltype\",1", "AT+QFTPCFG=\"sslctxid\",0"}) {
            assertThat(at(host, command)).as(command).endsWith("OK\r\n");
        }
    }

    /** AT+QFTPOPEN and its URC, whatever it says: the test server hangs up after the handshake. */
    private static void open(HostConnection host, String name, int port) throws IOException {
        assertThat(at(host, "AT+QFTPOPEN=\"" + name + "\"," + port)).isEqualTo("\r\nOK\r\n");
        host.readUntilMatch(OPEN_URC, Duration.ofSeconds(20));
    }

    private static String at(HostConnection host, String command) throws IOException {
        host.command(command);
        return host.readUntilMatch(Pattern.compile("(OK|ERROR|\\+CME ERROR: \\d+)\r\n$"), Duration.ofSeconds(10));
    }

    /** Accepts connections and reads what comes, answering nothing, until the server socket closes. */
    private static void holdSilently(ServerSocket server) {
        try {
            while (true) {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        client.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // the module gave up: the point of the test
                    }
                });
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    /**
     * An implicit-TLS server that does one handshake per connection with the test server certificate, records what
     * the client asked for, and hangs up.
     */
    private static final class RecordingTlsServer implements AutoCloseable {
        private final SSLServerSocket socket;
        private final BlockingQueue<Handshake> handshakes = new ArrayBlockingQueue<>(10);

        RecordingTlsServer() throws Exception {
            socket = (SSLServerSocket) serverContext().getServerSocketFactory()
                    .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        Handshake next() throws InterruptedException {
            Handshake handshake = handshakes.poll(20, TimeUnit.SECONDS);
            assertThat(handshake).as("a handshake").isNotNull();
            return handshake;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket client = (SSLSocket) socket.accept()) {
                    client.setSoTimeout(10_000);
                    client.startHandshake();
                    ExtendedSSLSession session = (ExtendedSSLSession) client.getSession();
                    handshakes.add(new Handshake(session.getRequestedServerNames(), session.getProtocol()));
                } catch (IOException e) {
                    // a failed handshake records nothing; a closed server socket ends the loop
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static SSLContext serverContext() throws Exception {
            TestCertificates pki = TestCertificates.shared();
            X509Certificate certificate;
            try (PEMParser pem = new PEMParser(reader(pki.serverCertificate()))) {
                certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) pem.readObject());
            }
            PrivateKey key;
            try (PEMParser pem = new PEMParser(reader(pki.serverKey()))) {
                key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) pem.readObject());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, "test".toCharArray(), new X509Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "test".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }

        private static Reader reader(Path pem) throws IOException {
            return Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        }
    }
}
