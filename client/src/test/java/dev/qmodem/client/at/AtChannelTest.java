package dev.qmodem.client.at;

import static dev.qmodem.client.ScriptedModule.async;
import static dev.qmodem.client.ScriptedModule.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ScriptedModule;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AtChannelTest {

    private ScriptedModule module;
    private Modem modem;
    private final LinkedBlockingQueue<String> urcs = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        module = ScriptedModule.start();
        modem = module.connectClient();
        modem.addUrcListener(urcs::add);
    }

    @AfterEach
    void close() throws Exception {
        modem.close();
        module.close();
    }

    @Test
    void echoOfTheCommandIsNotAnInformationLine() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+CSQ"));
        module.expect("AT+CSQ");
        module.send("AT+CSQ\r\r\n+CSQ: 24,99\r\n\r\nOK\r\n");
        assertThat(result(response).lines()).containsExactly("+CSQ: 24,99");
        assertThat(result(response).result()).isEqualTo("OK");
    }

    @Test
    void initTurnsEchoOffAndAsksForNumericErrors() throws Exception {
        Future<Modem> init = async(() -> modem.init());
        module.expect("ATE0");
        module.send("ATE0\r\r\nOK\r\n");
        module.expect("AT+CMEE=1");
        module.send("\r\nOK\r\n");
        assertThat(result(init)).isSameAs(modem);
    }

    @Test
    void informationLinesWithoutEchoAreCollectedInOrder() throws Exception {
        Future<java.util.List<String>> identity = async(() -> modem.identify());
        module.expect("ATI");
        module.send("\r\nQuectel\r\nBG95-M3\r\nRevision: BG95M3LAR02A03\r\n\r\nOK\r\n");
        assertThat(result(identity)).containsExactly("Quectel", "BG95-M3", "Revision: BG95M3LAR02A03");
    }

    @Test
    void cmeErrorCarriesItsCodeAndMeaning() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+QFDEL=\"x\""));
        module.expect("AT+QFDEL=\"x\"");
        module.send("\r\n+CME ERROR: 405\r\n");
        assertThatThrownBy(() -> result(response)).isInstanceOfSatisfying(ModemException.class, e -> {
            assertThat(e.error()).isEqualTo(405);
            assertThat(e.meaning()).isEqualTo("File not found");
            assertThat(e.command()).isEqualTo("AT+QFDEL=\"x\"");
        });
    }

    @Test
    void cmeErrorInTextFormIsMappedBackToItsCode() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+QFTPCWD=\"/\""));
        module.expect("AT+QFTPCWD=\"/\"");
        module.send("\r\n+CME ERROR: FTP service busy\r\n");
        assertThatThrownBy(() -> result(response)).isInstanceOfSatisfying(ModemException.class,
                e -> assertThat(e.error()).isEqualTo(603));
    }

    @Test
    void plainErrorHasNoCode() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+BOGUS"));
        module.expect("AT+BOGUS");
        module.send("\r\nERROR\r\n");
        assertThatThrownBy(() -> result(response)).isInstanceOfSatisfying(ModemException.class,
                e -> assertThat(e.error()).isEqualTo(ModemException.NO_CODE));
    }

    @Test
    void urcWhileIdleGoesToListeners() throws Exception {
        module.send("\r\n+QIURC: \"pdpdeact\",1\r\n");
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("+QIURC: \"pdpdeact\",1");
    }

    @Test
    void urcBetweenCommandAndOkGoesToListenersNotToTheCommand() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+QFTPSTAT"));
        module.expect("AT+QFTPSTAT");
        module.send("AT+QFTPSTAT\r\r\n+QIURC: \"pdpdeact\",1\r\n\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
        assertThat(result(response).lines()).containsExactly("+QFTPSTAT: 0,1");
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("+QIURC: \"pdpdeact\",1");
    }

    @Test
    void expectedUrcAfterOkCompletesTheCommandAndOthersGoToListeners() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send(
                AtCommand.of("AT+QFTPCWD=\"/\"").expecting("+QFTPCWD:")));
        module.expect("AT+QFTPCWD=\"/\"");
        module.send("\r\nOK\r\n");
        module.send("\r\n+QFTPGET: 0,10\r\n");
        module.send("\r\n+QFTPCWD: 0,0\r\n");
        assertThat(result(response).outcome()).contains("+QFTPCWD: 0,0");
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("+QFTPGET: 0,10");
    }

    @Test
    void strayEmptyAndGarbledLinesAreTolerated() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT+CSQ"));
        module.expect("AT+CSQ");
        module.send("\r\n\r\n\r\n\u0001\u00ff\u00fe#garbage\r\n+CSQ: 24,99\r\n\r\n\r\nOK\r\n");
        assertThat(result(response).line("+CSQ:")).contains("+CSQ: 24,99");
        assertThat(result(response).result()).isEqualTo("OK");
    }

    @Test
    void overlongLineIsDiscardedAndTheChannelGoesOn() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT"));
        module.expect("AT");
        module.send("\r\n" + "x".repeat(10_000) + "\r\nOK\r\n");
        assertThat(result(response).lines()).isEmpty();
    }

    @Test
    void silentModuleTimesOut() throws Exception {
        modem.at().setDefaultTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        Future<AtResponse> response = async(() -> modem.at().send("AT"));
        module.expect("AT");
        assertThatThrownBy(() -> result(response)).isInstanceOf(ModemTimeoutException.class)
                .hasMessageContaining("final result code");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void missingUrcAfterOkTimesOut() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send(
                AtCommand.of("AT+QFTPCLOSE").expecting("+QFTPCLOSE:").timeout(Duration.ofMillis(300))));
        module.expect("AT+QFTPCLOSE");
        module.send("\r\nOK\r\n");
        assertThatThrownBy(() -> result(response)).isInstanceOf(ModemTimeoutException.class)
                .hasMessageContaining("+QFTPCLOSE:");
    }

    @Test
    void closedLinkFailsTheCommandInProgress() throws Exception {
        Future<AtResponse> response = async(() -> modem.at().send("AT"));
        module.expect("AT");
        module.close();
        assertThatThrownBy(() -> result(response)).isInstanceOf(ModemException.class)
                .isNotInstanceOf(ModemTimeoutException.class);
    }

    @Test
    void commandsFromSeveralThreadsTakeTurns() throws Exception {
        Future<AtResponse> first = async(() -> modem.at().send("AT+A"));
        module.expect("AT+A");
        Future<AtResponse> second = async(() -> modem.at().send("AT+B"));
        module.send("\r\n+A: 1\r\n\r\nOK\r\n");
        module.expect("AT+B");
        module.send("\r\n+B: 2\r\n\r\nOK\r\n");
        assertThat(result(first).lines()).containsExactly("+A: 1");
        assertThat(result(second).lines()).containsExactly("+B: 2");
    }
}
