package dev.qmodem.command.ssl;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.FtpPeer;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.PureFtpd;
import dev.qmodem.testpeers.TestCertificates;
import dev.qmodem.testpeers.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AT+QSSLCFG and FTPS through a running module over TCP, against real vsftpd and pure-ftpd: authentication by
 * seclevel, client certificates, binary transfers over protected data connections, and the failures that end in 631.
 */
@Timeout(60)
class FtpsTest {

    private static final Pattern OPEN_URC = Pattern.compile("\\+QFTPOPEN: \\d+,\\d+\r\n");
    private static final TestCertificates PKI = TestCertificates.shared();

    @TempDir
    Path ufs;

    @Test
    void qsslcfgSetsReadsListsAndRefuses() throws Exception {
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            assertThat(at(host, "ATE0")).endsWith("OK\r\n");
            assertThat(at(host, "AT+QSSLCFG=?")).contains("+QSSLCFG: \"sslversion\",(0-5),(0-4)\r\n")
                    .contains("+QSSLCFG: \"seclevel\",(0-5),(0-2)\r\n")
                    .contains(",0XC02F,0XC030,0XFFFF)\r\n").contains("+QSSLCFG: \"sni\",(0-5),(0,1)\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"seclevel\",1")).isEqualTo("\r\n+QSSLCFG: \"seclevel\",1,0\r\n\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"seclevel\",1,2")).isEqualTo("\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"seclevel\",1")).isEqualTo("\r\n+QSSLCFG: \"seclevel\",1,2\r\n\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"ciphersuite\",2,0xc02f")).isEqualTo("\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"ciphersuite\",2")).isEqualTo("\r\n+QSSLCFG: \"ciphersuite\",2,0XC02F\r\n\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"cacert\",2,\"UFS:ca.pem\"")).isEqualTo("\r\nOK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"cacert\",2")).isEqualTo("\r\n+QSSLCFG: \"cacert\",2,\"UFS:ca.pem\"\r\n\r\nOK\r\n");
            for (String wrong : new String[] {"AT+QSSLCFG=\"seclevel\",1,3", "AT+QSSLCFG=\"seclevel\",6,0",
                    "AT+QSSLCFG=\"ciphersuite\",1,0x1234", "AT+QSSLCFG=\"nosuch\",1,0", "AT+QSSLCFG=\"cacert\",1,5"}) {
                assertThat(at(host, wrong)).as(wrong).isEqualTo("\r\nERROR\r\n");
            }
        }
        try (RunningModule modem = RunningModule.start(Model.UC20, ufs); HostConnection host = modem.connect()) {
            assertThat(at(host, "ATE0")).endsWith("OK\r\n");
            assertThat(at(host, "AT+QSSLCFG=\"sni\",1,1")).isEqualTo("\r\nERROR\r\n");
            assertThat(at(host, "AT+QFTPCFG=\"ssltype\",2")).isEqualTo("\r\n+CME ERROR: 610\r\n");
        }
    }

    @Test
    void seclevel1TrustsOnlyItsCaAndTheModuleCarriesOn() throws Exception {
        Peers.requireVsftpd();
        try (Vsftpd server = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).start();
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            configure(host, 2, 1);
            Files.copy(PKI.untrustedCaCertificate(), ufs.resolve("ca.pem"));
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 631,0\r\n");
            assertThat(at(host, "AT")).isEqualTo("\r\nOK\r\n");
            Files.copy(PKI.caCertificate(), ufs.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 0,0\r\n");
            roundTrip(host, server, 200_000);
        }
    }

    @Test
    void anExpiredCertificateFailsUnlessLocalTimeIsIgnored() throws Exception {
        Peers.requireVsftpd();
        // explicit: the test peer checks an implicit server's greeting over TLS, which this certificate fails
        try (Vsftpd server = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT)
                .option("rsa_cert_file", PKI.expiredServerCertificate().toString())
                .option("rsa_private_key_file", PKI.expiredServerKey().toString()).start();
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            configure(host, 2, 1);
            Files.copy(PKI.caCertificate(), ufs.resolve("ca.pem"));
            for (int context = 0; context <= 1; context++) {
                assertThat(at(host, "AT+QSSLCFG=\"ignorelocaltime\"," + context + ",0")).endsWith("OK\r\n");
            }
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 631,0\r\n");
            for (int context = 0; context <= 1; context++) {
                assertThat(at(host, "AT+QSSLCFG=\"ignorelocaltime\"," + context + ",1")).endsWith("OK\r\n");
            }
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 0,0\r\n");
            roundTrip(host, server, 10_000);
        }
    }

    @Test
    void seclevel2PresentsTheClientCertificateAServerDemands() throws Exception {
        Peers.requireVsftpd();
        try (Vsftpd server = Vsftpd.builder().tls(Vsftpd.Tls.IMPLICIT).requireClientCertificate(true).start();
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            configure(host, 1, 1);
            Files.copy(PKI.caCertificate(), ufs.resolve("ca.pem"));
            assertThat(open(host, server)).as("no client certificate").isEqualTo("+QFTPOPEN: 631,0\r\n");
            configure(host, 1, 2);
            assertThat(open(host, server)).as("client files missing").isEqualTo("+QFTPOPEN: 631,0\r\n");
            Files.copy(PKI.clientCertificate(), ufs.resolve("client.pem"));
            Files.copy(PKI.clientKeyPkcs1(), ufs.resolve("client-key.pem"));
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 0,0\r\n");
            roundTrip(host, server, 50_000);
        }
    }

    @Test
    void pureFtpdExplicitTlsTransfersBinaryData() throws Exception {
        Peers.requirePureFtpd();
        try (PureFtpd server = PureFtpd.builder().explicitTls(true).start();
             RunningModule modem = RunningModule.start(Model.BG77, ufs); HostConnection host = modem.connect()) {
            configure(host, 2, 0);
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 0,0\r\n");
            roundTrip(host, server, 100_000);
        }
    }

    @Test
    void aServerWithoutTlsIsReported() throws Exception {
        Peers.requireVsftpd();
        try (Vsftpd server = Vsftpd.builder().start();
             RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            configure(host, 1, 0);
            assertThat(open(host, server)).as("implicit TLS to a plain server").isEqualTo("+QFTPOPEN: 631,0\r\n");
            assertThat(at(host, "AT+QFTPCFG=\"ssltype\",2")).endsWith("OK\r\n");
            assertThat(open(host, server)).as("AUTH TLS refused: the server's reply")
                    .matches("\\+QFTPOPEN: 6\\d\\d,5\\d\\d\r\n");
            assertThat(at(host, "AT+QFTPCFG=\"ssltype\",0")).endsWith("OK\r\n");
            assertThat(open(host, server)).isEqualTo("+QFTPOPEN: 0,0\r\n");
        }
    }

    /** Echo off, PDP up, account and passive mode; ssltype; both SSL contexts at seclevel with ca.pem and client files. */
    private static void configure(HostConnection host, int sslType, int secLevel) throws IOException {
        for (String command : new String[] {"ATE0", "AT+QIACT=1", "AT+QFTPCFG=\"transmode\",1",
                "AT+QFTPCFG=\"ssltype\"," + sslType}) {
            at(host, command);
        }
        for (int context = 0; context <= 1; context++) {
            for (String setting : new String[] {"\"seclevel\"," + context + "," + secLevel,
                    "\"cacert\"," + context + ",\"UFS:ca.pem\"", "\"clientcert\"," + context + ",\"client.pem\"",
                    "\"clientkey\"," + context + ",\"client-key.pem\""}) {
                assertThat(at(host, "AT+QSSLCFG=" + setting)).as(setting).isEqualTo("\r\nOK\r\n");
            }
        }
    }

    private static String open(HostConnection host, FtpPeer server) throws IOException {
        at(host, "AT+QFTPCFG=\"account\",\"" + server.user() + "\",\"" + server.password() + "\"");
        assertThat(at(host, "AT+QFTPOPEN=\"127.0.0.1\"," + server.port())).isEqualTo("\r\nOK\r\n");
        String urc = host.readUntilMatch(OPEN_URC, Duration.ofSeconds(20)).strip() + "\r\n";
        if (urc.equals("+QFTPOPEN: 0,0\r\n")) {
            return urc;
        }
        assertThat(at(host, "AT+QFTPSTAT")).contains("+QFTPSTAT: 0,4");
        return urc;
    }

    /** PUT a random binary file from UFS, check it on the server, GET it back to UFS, compare, log out. */
    private void roundTrip(HostConnection host, FtpPeer server, int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Files.write(ufs.resolve("up.bin"), content);
        assertThat(at(host, "AT+QFTPPUT=\"moved.bin\",\"UFS:up.bin\",0")).isEqualTo("\r\nOK\r\n");
        assertThat(host.readUntil("\r\n", Duration.ofSeconds(20)) + host.readUntil("\r\n", Duration.ofSeconds(20)))
                .isEqualTo("\r\n+QFTPPUT: 0," + size + "\r\n");
        assertThat(Files.readAllBytes(server.root().resolve("moved.bin"))).isEqualTo(content);
        assertThat(at(host, "AT+QFTPGET=\"moved.bin\",\"UFS:down.bin\"")).isEqualTo("\r\nOK\r\n");
        assertThat(host.readUntil("\r\n", Duration.ofSeconds(20)) + host.readUntil("\r\n", Duration.ofSeconds(20)))
                .isEqualTo("\r\n+QFTPGET: 0," + size + "\r\n");
        assertThat(Files.readAllBytes(ufs.resolve("down.bin"))).isEqualTo(content);
        assertThat(at(host, "AT+QFTPCLOSE")).isEqualTo("\r\nOK\r\n");
        assertThat(host.readUntil("+QFTPCLOSE: 0,0\r\n", Duration.ofSeconds(20))).endsWith("+QFTPCLOSE: 0,0\r\n");
    }

    /** Sends a command and returns the answer up to its final result code. */
    private static String at(HostConnection host, String command) throws IOException {
        host.command(command);
        return host.readUntilMatch(Pattern.compile("(OK|ERROR|\\+CME ERROR: \\d+)\r\n$"), Duration.ofSeconds(10));
    }
}
