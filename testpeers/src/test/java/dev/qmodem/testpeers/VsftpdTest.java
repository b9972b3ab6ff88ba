package dev.qmodem.testpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VsftpdTest {

    @BeforeAll
    static void vsftpdInstalled() {
        Peers.requireVsftpd();
    }

    @Test
    void plainPassiveAndActiveTransfers() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder().start()) {
            System.out.println("vsftpd plain started in " + vsftpd.startupTime().toMillis() + " ms");
            FTPClient client = new FTPClient();
            connectAndLogin(client, vsftpd);
            client.enterLocalPassiveMode();
            FtpRoundTrip.uploadAndDownload(client, vsftpd, "passive.bin");
            client.enterLocalActiveMode();
            FtpRoundTrip.uploadAndDownload(client, vsftpd, "active.bin");
            client.logout();
            client.disconnect();
        }
    }

    @Test
    void closeStopsTheServerAndItsSessionProcesses() throws IOException {
        Vsftpd vsftpd = Vsftpd.builder().start();
        FTPClient client = new FTPClient();
        connectAndLogin(client, vsftpd);
        ProcessHandle listener = vsftpd.processHandle();
        var sessions = listener.descendants().toList();
        assertThat(sessions).as("a logged-in session runs in child processes").isNotEmpty();

        vsftpd.close();

        assertThat(listener.isAlive()).isFalse();
        assertThat(sessions).noneMatch(PeerProcess::isRunning);
        assertThat(vsftpd.log().getParent()).doesNotExist();
        client.disconnect();
    }

    @Test
    void explicitTlsDemandsSessionReuseOnData() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).start()) {
            System.out.println("vsftpd explicit TLS started in " + vsftpd.startupTime().toMillis() + " ms");
            FTPClient plain = new FTPClient();
            connectAndLogin(plain, vsftpd);
            assertThat(plain.getReplyCode()).as("login without TLS is refused").isEqualTo(530);
            plain.disconnect();

            FTPSClient client = new FTPSClient(false, vsftpd.certificates().orElseThrow().clientContext(false));
            connectAndLogin(client, vsftpd);
            assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
            assertThat(client.printWorkingDirectory()).isEqualTo("/");
            client.execPBSZ(0);
            client.execPROT("P");
            client.enterLocalPassiveMode();
            // Commons Net opens the data connection with a fresh TLS session, which require_ssl_reuse refuses.
            boolean retrieved = retrieveOrFail(client);
            assertThat(retrieved).isFalse();
            client.disconnect();
        }
    }

    @Test
    void explicitTlsTransfersWhenReuseIsNotRequired() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).requireSslReuse(false).start()) {
            FTPSClient client = new FTPSClient(false, vsftpd.certificates().orElseThrow().clientContext(false));
            connectAndLogin(client, vsftpd);
            client.execPBSZ(0);
            client.execPROT("P");
            client.enterLocalPassiveMode();
            FtpRoundTrip.uploadAndDownload(client, vsftpd, "tls-passive.bin");
            client.enterLocalActiveMode();
            FtpRoundTrip.uploadAndDownload(client, vsftpd, "tls-active.bin");
            client.disconnect();
        }
    }

    @Test
    void implicitTlsLogin() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder().tls(Vsftpd.Tls.IMPLICIT).start()) {
            System.out.println("vsftpd implicit TLS started in " + vsftpd.startupTime().toMillis() + " ms");
            FTPSClient client = new FTPSClient(true, vsftpd.certificates().orElseThrow().clientContext(false));
            connectAndLogin(client, vsftpd);
            assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
            assertThat(client.printWorkingDirectory()).isEqualTo("/");
            client.disconnect();
        }
    }

    @Test
    void clientCertificateIsRequiredWhenConfigured() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder().tls(Vsftpd.Tls.EXPLICIT).requireClientCertificate(true).start()) {
            TestCertificates pki = vsftpd.certificates().orElseThrow();
            FTPSClient withCertificate = new FTPSClient(false, pki.clientContext(true));
            connectAndLogin(withCertificate, vsftpd);
            assertThat(FTPReply.isPositiveCompletion(withCertificate.getReplyCode())).isTrue();
            withCertificate.disconnect();

            FTPSClient without = new FTPSClient(false, pki.clientContext(false));
            without.setDefaultTimeout(5000);
            without.connect(vsftpd.host(), vsftpd.port());
            boolean loggedIn;
            try {
                loggedIn = without.login(vsftpd.user(), vsftpd.password());
            } catch (IOException refused) {
                loggedIn = false;
            }
            assertThat(loggedIn).isFalse();
            without.disconnect();
        }
    }

    private static boolean retrieveOrFail(FTPSClient client) throws IOException {
        try {
            return client.retrieveFile("missing-or-refused", new ByteArrayOutputStream());
        } catch (SSLException refused) {
            return false;
        }
    }

    static void connectAndLogin(FTPClient client, FtpPeer peer) throws IOException {
        client.setDefaultTimeout(5000);
        client.connect(peer.host(), peer.port());
        client.setSoTimeout(5000);
        client.login(peer.user(), peer.password());
    }
}
