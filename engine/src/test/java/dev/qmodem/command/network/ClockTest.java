package dev.qmodem.command.network;

import dev.qmodem.module.HostConnection;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** AT+CCLK and AT+QLTS give the documented formats with the machine's time, and AT+CCLK= moves the module's clock. */
class ClockTest {

    private static final Pattern END = Pattern.compile("\r\nOK\r\n$");

    @ParameterizedTest
    @EnumSource(Model.class)
    @Timeout(30)
    void clockFormatsAndSetting(Model model, @TempDir Path ufs) throws Exception {
        try (RunningModule modem = RunningModule.start(model, ufs); HostConnection host = modem.connect()) {
            host.command("ATE0");
            host.readUntil("OK\r\n", Duration.ofSeconds(5));
            host.command("AT+CCLK?");
            assertThat(host.readUntilMatch(END, Duration.ofSeconds(5)))
                    .matches("\r\n\\+CCLK: \"\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d\\+00\"\r\n\r\nOK\r\n");
            host.command("AT+QLTS");
            assertThat(host.readUntilMatch(END, Duration.ofSeconds(5)))
                    .matches("\r\n\\+QLTS: \"20\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d\\+00,0\"\r\n\r\nOK\r\n");
            host.command("AT+CCLK=\"30/01/02,03:04:05+08\"");
            assertThat(host.readUntilMatch(END, Duration.ofSeconds(5))).isEqualTo("\r\nOK\r\n");
            host.command("AT+CCLK?");
            assertThat(host.readUntilMatch(END, Duration.ofSeconds(5)))
                    .matches("\r\n\\+CCLK: \"30/01/02,03:04:0[5-9]\\+08\"\r\n\r\nOK\r\n");
        }
    }
}
