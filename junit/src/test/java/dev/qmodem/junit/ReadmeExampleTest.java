package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ftp.FtpConfig;
import dev.qmodem.profile.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example, verbatim but for the package, so that it keeps compiling and passing. */
@QModemTest(model = Model.BG95)
class ReadmeExampleTest {
    @Test
    void uploads(Modem modem, FtpServerInfo ftp, @FtpRoot Path root) throws Exception {
        modem.pdp().activate(1);
        modem.ftp().configure(new FtpConfig().contextId(1).account(ftp.user(), ftp.password()));
        modem.ftp().open(ftp.host(), ftp.port());
        modem.ftp().put("hello.txt", "hello".getBytes());
        assertThat(root.resolve("hello.txt")).hasContent("hello");
    }
}
