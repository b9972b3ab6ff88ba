package dev.qmodem.module;

import dev.qmodem.network.Radio;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's power lifecycle as a host sees it: nothing it sends while the module is off or booting is heard,
 * and the methods a control API calls ({@link EmulatedModule#powerOff()}, {@link EmulatedModule#powerOn()},
 * {@link EmulatedModule#reboot()}) behave as AT+QPOWD and AT+CFUN=1,1 do; a registration change from outside
 * reaches the host as the URCs its modes ask for.
 */
class PowerLifecycleTest {

    private static final String BG95_BOOT = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n"
            + "\r\n+QIND: SMS DONE\r\n\r\nAPP RDY\r\n";

    private static RunningModule start(Path ufs, long bootMillis) throws Exception {
        Properties profile = new Properties();
        profile.setProperty("boot.time.ms", Long.toString(bootMillis));
        return RunningModule.start(new ModuleConfig(Model.BG95, ufs, profile, Map.of()));
    }

    private static void expect(HostConnection host, String answer) throws Exception {
        assertThat(Escapes.show(host.readLike(answer))).isEqualTo(Escapes.show(answer));
    }

    private static void expectSilence(HostConnection host) throws Exception {
        assertThat(Escapes.show(host.drain(Duration.ofMillis(300)))).isEmpty();
    }

    @Test
    @Timeout(30)
    void whatTheHostSendsWhileBootingIsNeverAnswered(@TempDir Path ufs) throws Exception {
        try (RunningModule modem = start(ufs, 1500); HostConnection host = modem.connect()) {
            host.command("ATE0");
            expect(host, "ATE0\r\r\nOK\r\n");
            host.command("AT+CFUN=1,1");
            expect(host, "\r\nOK\r\n");
            host.command("AT");
            host.command("AT+CSQ");
            expect(host, BG95_BOOT);
            expectSilence(host);
            host.command("AT");
            expect(host, "AT\r\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(30)
    void powerOffSilencesThePortUntilPowerOnBootsIt(@TempDir Path ufs) throws Exception {
        try (RunningModule modem = start(ufs, 50); HostConnection host = modem.connect()) {
            modem.modem().powerOff();
            assertThat(modem.modem().poweredOn()).isFalse();
            host.command("AT");
            expectSilence(host);
            modem.modem().powerOn();
            expect(host, BG95_BOOT);
            assertThat(modem.modem().poweredOn()).isTrue();
            host.command("AT");
            expect(host, "AT\r\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(30)
    void rebootFromOutsideDropsActiveContextsAndRestoresSettings(@TempDir Path ufs) throws Exception {
        try (RunningModule modem = start(ufs, 50); HostConnection host = modem.connect()) {
            host.command("ATE0;+QIACT=1");
            expect(host, "ATE0;+QIACT=1\r\r\nOK\r\n");
            modem.modem().reboot();
            expect(host, BG95_BOOT);
            host.command("AT+QIACT?");
            expect(host, "AT+QIACT?\r\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(30)
    void powerOnOfAModuleThatIsOnDoesNothing(@TempDir Path ufs) throws Exception {
        try (RunningModule modem = start(ufs, 50); HostConnection host = modem.connect()) {
            modem.modem().powerOn();
            expectSilence(host);
            host.command("AT");
            expect(host, "AT\r\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(30)
    void registrationChangedFromOutsideIsReportedAsTheModesAsk(@TempDir Path ufs) throws Exception {
        try (RunningModule modem = start(ufs, 50); HostConnection host = modem.connect()) {
            host.command("ATE0;+CREG=1;+CEREG=2;+QIACT=1");
            expect(host, "ATE0;+CREG=1;+CEREG=2;+QIACT=1\r\r\nOK\r\n");
            modem.modem().radio().registration(Radio.NOT_REGISTERED);
            expect(host, "\r\n+CREG: 0\r\n\r\n+CEREG: 0\r\n");
            host.command("AT+QIACT?");
            expect(host, "\r\nOK\r\n");
            modem.modem().radio().registration(Radio.REGISTERED_ROAMING);
            expect(host, "\r\n+CREG: 5\r\n\r\n+CEREG: 5,\"1A2B\",\"0C3F4A01\",8\r\n");
            modem.modem().radio().signal(new Radio.Signal(10, 0));
            host.command("AT+CSQ");
            expect(host, "\r\n+CSQ: 10,0\r\n\r\nOK\r\n");
        }
    }
}
