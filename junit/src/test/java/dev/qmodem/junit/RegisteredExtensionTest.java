package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ftp.FtpConfig;
import dev.qmodem.profile.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link QModemExtension} as a field: its model, its accessors, host aliases, and host code on the raw AT port. */
@Timeout(20)
class RegisteredExtensionTest {

    @RegisterExtension
    final QModemExtension qmodem = QModemExtension.model(Model.UC20).hostAlias("quectel.3322.org", "127.0.0.1");

    @Test
    void servesTheChosenModelThroughTheAccessors() throws IOException {
        assertThat(qmodem.client().identify()).contains("UC20");
        assertThat(qmodem.ftpRoot()).isDirectory();
        assertThat(qmodem.ufs()).isDirectory();
        assertThat(qmodem.atPort().port()).isPositive();
    }

    @Test
    void opensTheDocumentsHostNameThroughItsAlias(Modem modem, FtpServerInfo ftp) throws IOException {
        Files.writeString(qmodem.ftpRoot().resolve("test_my1.txt"), "x".repeat(1000));
        modem.pdp().activate(1);
        modem.ftp().configure(new FtpConfig().contextId(1).account(ftp.user(), ftp.password()));
        modem.ftp().open("quectel.3322.org", ftp.port());
        assertThat(modem.ftp().size("test_my1.txt")).isEqualTo(1000);
    }

    @Test
    void letsHostCodeOpenTheAtPortItself(AtPort at) throws IOException {
        try (Socket socket = new Socket(at.host(), at.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("ATE0\rAT+CGMM\r".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            while (!answer.toString().matches("(?s).*OK\r\n.*OK\r\n")) {
                answer.append((char) in.read());
            }
            assertThat(answer.toString()).contains("UC20");
        }
    }

    @Test
    void hasNoModuleOutsideATest() {
        QModemExtension idle = QModemExtension.model(Model.BG95);
        assertThatThrownBy(idle::ftpRoot).isInstanceOf(IllegalStateException.class);
    }
}
