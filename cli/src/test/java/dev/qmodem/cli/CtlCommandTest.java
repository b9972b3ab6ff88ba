package dev.qmodem.cli;

import dev.qmodem.control.ControlServer;
import dev.qmodem.fault.Fault;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qmodem ctl} against a module's control API in this process. */
@Timeout(60)
class CtlCommandTest {

    @TempDir
    Path ufs;
    private EmulatedModule module;
    private TcpTransport transport;
    private ControlServer control;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        module = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs));
        transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), module.clock());
        transport.start(module);
        control = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), false);
        control.register(module, transport.endpoint());
    }

    @AfterEach
    void stop() throws IOException {
        control.close();
        transport.close();
        module.close();
    }

    private int ctl(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "ctl";
        all[1] = "--url";
        all[2] = "http://127.0.0.1:" + control.port();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return QModemCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all);
    }

    @Test
    void addsListsAndRemovesFaults() {
        assertThat(ctl("fault", "add", "link", "--preset", "nbiot")).isZero();
        assertThat(ctl("fault", "add", "cut", "--connection", "data", "--after-bytes", "1000")).isZero();
        assertThat(module.faults().list()).extracting(a -> a.fault())
                .containsExactly(Fault.Link.preset("nbiot"), new Fault.Cut(Fault.Connection.DATA, 1000));
        assertThat(ctl("fault", "list")).isZero();
        assertThat(out.toString()).contains("\"kind\":\"cut\"", "\"after_bytes\":1000");
        assertThat(ctl("fault", "rm", "1")).isZero();
        assertThat(module.faults().list()).hasSize(1);
        assertThat(ctl("fault", "rm", "all")).isZero();
        assertThat(module.faults().list()).isEmpty();
    }

    @Test
    void aRefusedFaultPrintsTheErrorAndFails() {
        assertThat(ctl("fault", "add", "uart", "--baud", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("\"field\":\"baud\"");
        assertThat(ctl("--module", "9", "fault", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("no module 9");
    }

    @Test
    void firesEventsTheHostSees() throws IOException {
        try (Socket host = new Socket("127.0.0.1", transport.port())) {
            host.setSoTimeout(10_000);
            AtHost.awaitText(host, "AT\r", "OK\r\n");
            assertThat(ctl("event", "urc", "+QIURC: \"custom\"")).isZero();
            assertThat(AtHost.awaitText(host, "", "+QIURC: \"custom\"\r\n")).endsWith("\r\n+QIURC: \"custom\"\r\n");
            AtHost.awaitText(host, "AT+QIACT=1\r", "OK\r\n");
            assertThat(ctl("event", "pdp-deactivate", "1")).isZero();
            AtHost.awaitText(host, "", "+QIURC: \"pdpdeact\",1\r\n");
        }
    }
}
