package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.Modem;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.profile.Model;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The client against a UC20: {@code +QFTPPWD: 0,/} unquoted and {@code +QFTPLEN} before {@code OK}. */
@QModemTest(model = Model.UC20)
class Uc20FtpClientTest extends FtpClientEndToEnd {

    @Test
    void printsTheFolderUnquotedAndTheLengthBeforeOk(Modem modem, FtpServerInfo ftp) throws IOException {
        login(modem, ftp);
        modem.ftp().put("five.txt", "hello".getBytes());

        assertThat(modem.at().send(AtCommand.of("AT+QFTPPWD").expecting("+QFTPPWD:")).outcome())
                .hasValue("+QFTPPWD: 0,/");
        AtResponse length = modem.at().send("AT+QFTPLEN");
        assertThat(length.lines()).containsExactly("+QFTPLEN: 0,5");
    }
}
