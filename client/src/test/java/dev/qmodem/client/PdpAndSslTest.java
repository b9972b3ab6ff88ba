package dev.qmodem.client;

import static dev.qmodem.client.ScriptedModule.async;
import static dev.qmodem.client.ScriptedModule.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.pdp.ActiveContext;
import dev.qmodem.client.pdp.PdpConfig;
import dev.qmodem.client.ssl.SslConfig;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PdpAndSslTest {

    @Test
    void contextIsConfiguredActivatedAndListed() throws Exception {
        try (ScriptedModule module = ScriptedModule.start(); Modem modem = module.connectClient()) {
            Future<List<ActiveContext>> active = async(() -> {
                modem.pdp().configure(1, PdpConfig.ipv4("CMNBIOT"));
                modem.pdp().activate(1);
                return modem.pdp().active();
            });
            module.expect("AT+QICSGP=1,1,\"CMNBIOT\",\"\",\"\",0");
            module.send("\r\nOK\r\n");
            module.expect("AT+QIACT=1");
            module.send("\r\nOK\r\n");
            module.expect("AT+QIACT?");
            module.send("\r\n+QIACT: 1,1,1,\"10.7.157.1\"\r\n\r\nOK\r\n");
            assertThat(result(active)).containsExactly(new ActiveContext(1, 1, 1, "10.7.157.1"));
        }
    }

    @Test
    void sslContextSettingsAreSentInOrder() throws Exception {
        try (ScriptedModule module = ScriptedModule.start(); Modem modem = module.connectClient()) {
            Future<Void> done = async(() -> {
                modem.ssl().configure(1, new SslConfig().cipherSuite(0xFFFF)
                        .securityLevel(SslConfig.SecurityLevel.NONE).version(SslConfig.SslVersion.ALL));
                return null;
            });
            for (String line : List.of("AT+QSSLCFG=\"ciphersuite\",1,0XFFFF", "AT+QSSLCFG=\"seclevel\",1,0",
                    "AT+QSSLCFG=\"sslversion\",1,4")) {
                module.expect(line);
                module.send("\r\nOK\r\n");
            }
            result(done);
        }
    }
}
