package dev.qmodem.junit;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ftp.FtpConfig;
import dev.qmodem.client.ftp.FtpException;
import dev.qmodem.fault.Fault;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults and events from Java, in-process, seen by the host client. */
@Timeout(30)
class FaultsAndEventsTest {

    @RegisterExtension
    final QModemExtension qmodem = QModemExtension.model(Model.BG95);

    @Test
    void aDnsFaultFailsTheOpenWith604(Modem modem, FtpServerInfo ftp) throws IOException {
        qmodem.faults().add(new Fault.Dns(true));
        modem.pdp().activate(1);
        modem.ftp().configure(new FtpConfig().contextId(1).account(ftp.user(), ftp.password()));
        assertThatThrownBy(() -> modem.ftp().open("localhost", ftp.port()))
                .isInstanceOfSatisfying(FtpException.class, e -> assertThat(e.err()).isEqualTo(604));
        qmodem.faults().clear();
        modem.ftp().open("localhost", ftp.port());
    }

    @Test
    void eventsReachTheHostAsUrcs(Modem modem) throws Exception {
        LinkedBlockingQueue<String> urcs = new LinkedBlockingQueue<>();
        modem.addUrcListener(urcs::add);
        modem.pdp().activate(1);
        qmodem.events().urc("+QIURC: \"custom\"");
        assertThat(urcs.poll(10, TimeUnit.SECONDS)).isEqualTo("+QIURC: \"custom\"");
        assertThat(qmodem.events().pdpDeactivate(1)).isTrue();
        assertThat(urcs.poll(10, TimeUnit.SECONDS)).isEqualTo("+QIURC: \"pdpdeact\",1");
        assertThat(modem.pdp().active()).isEmpty();
    }
}
