package dev.qmodem.testpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PureFtpdTest {

    @BeforeAll
    static void pureFtpdInstalled() {
        Peers.requirePureFtpd();
    }

    @Test
    void plainPassiveAndActiveTransfersAfterMultiLineBanner() throws IOException {
        try (PureFtpd pure = PureFtpd.builder().start()) {
            System.out.println("pure-ftpd plain started in " + pure.startupTime().toMillis() + " ms");
            FTPClient client = new FTPClient();
            client.setDefaultTimeout(5000);
            client.connect(pure.host(), pure.port());
            assertThat(client.getReplyStrings().length).as("multi-line 220 banner").isGreaterThan(1);
            assertThat(client.login(pure.user(), pure.password())).as(client.getReplyString()).isTrue();
            client.enterLocalPassiveMode();
            FtpRoundTrip.uploadAndDownload(client, pure, "passive.bin");
            client.enterLocalActiveMode();
            FtpRoundTrip.uploadAndDownload(client, pure, "active.bin");
            client.disconnect();
        }
    }

    @Test
    void explicitTlsIsRequiredAndCarriesTransfers() throws IOException {
        try (PureFtpd pure = PureFtpd.builder().explicitTls(true).start()) {
            System.out.println("pure-ftpd explicit TLS started in " + pure.startupTime().toMillis() + " ms");
            FTPClient plain = new FTPClient();
            plain.setDefaultTimeout(5000);
            plain.connect(pure.host(), pure.port());
            // pure-ftpd answers USER without TLS with 421 and hangs up.
            assertThatThrownBy(() -> plain.login(pure.user(), pure.password()))
                    .isInstanceOf(FTPConnectionClosedException.class);
            plain.disconnect();

            FTPSClient client = new FTPSClient(false, pure.certificates().orElseThrow().clientContext(false));
            VsftpdTest.connectAndLogin(client, pure);
            assertThat(client.getReplyCode()).as(client.getReplyString()).isEqualTo(230);
            client.execPBSZ(0);
            client.execPROT("P");
            client.enterLocalPassiveMode();
            FtpRoundTrip.uploadAndDownload(client, pure, "tls.bin");
            client.disconnect();
        }
    }
}
