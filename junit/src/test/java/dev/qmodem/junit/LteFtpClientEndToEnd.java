package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.Modem;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.ftp.FtpConfig;
import dev.qmodem.client.ssl.SslConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What BG95 and BG77 do alike: {@code +QFTPPWD: 0,"/"} quoted, {@code +QFTPLEN} after {@code OK}, explicit FTPS. */
abstract class LteFtpClientEndToEnd extends FtpClientEndToEnd {

    @Test
    void printsTheFolderQuotedAndTheLengthAfterOk(Modem modem, FtpServerInfo ftp) throws Exception {
        login(modem, ftp);
        modem.ftp().put("five.txt", "hello".getBytes());

        assertThat(modem.at().send(AtCommand.of("AT+QFTPPWD").expecting("+QFTPPWD:")).outcome())
                .hasValue("+QFTPPWD: 0,\"/\"");
        BlockingQueue<String> urcs = new LinkedBlockingQueue<>();
        modem.addUrcListener(urcs::add);
        AtResponse length = modem.at().send("AT+QFTPLEN");
        assertThat(length.lines()).isEmpty();
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("+QFTPLEN: 0,5");
    }

    @Test
    void transfersOverExplicitFtps(Modem modem, FtpServerInfo ftp, @FtpRoot Path root) throws IOException {
        modem.pdp().activate(1);
        modem.ssl().configure(1, new SslConfig().version(SslConfig.SslVersion.ALL).cipherSuite(0xFFFF)
                .securityLevel(SslConfig.SecurityLevel.NONE));
        modem.ftp().configure(new FtpConfig().contextId(1).account(ftp.user(), ftp.password())
                .transferMode(FtpConfig.TransferMode.PASSIVE).sslType(FtpConfig.SslType.EXPLICIT).sslContextId(1)
                .dataSslContextId(1));
        modem.ftp().open(ftp.host(), ftp.explicitTlsPort());
        modem.ftp().put("secret.bin", AWKWARD_BYTES);
        assertThat(root.resolve("secret.bin")).hasBinaryContent(AWKWARD_BYTES);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        modem.ftp().get("secret.bin", downloaded);
        assertThat(downloaded.toByteArray()).isEqualTo(AWKWARD_BYTES);
        modem.ftp().close();
    }
}
