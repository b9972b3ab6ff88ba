package dev.qmodem.command.ftp;

import dev.qmodem.command.ftp.FtpRig.Server;
import dev.qmodem.module.HostConnection;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-mode command driven the way field host code drives a real module (issue 10 item 6): lines end in
 * CR LF (or CR and a late LF), the payload follows the command line at once instead of after CONNECT, lines are
 * taken by prefix in whatever order URCs come, and {@code +QFTPxxx: %d,%d} is parsed strictly.
 */
class HostPersonaTest {

    private static final String PAYLOAD = "0123456789";

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Model.class)
    @Timeout(90)
    void aFieldDriverRunsEveryDataModeCommand(Model model) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.EMBEDDED, model, work)) {
            rig.login(1);
            Persona host = new Persona(rig.host());

            host.send("AT+QFTPPUT=\"p.txt\",\"COM:\",0,10,1\r\n" + PAYLOAD);
            host.line("CONNECT");
            host.line("OK");
            assertThat(host.result("+QFTPPUT")).containsExactly(0, 10);

            host.send("AT+QFTPPUT=\"q.txt\",\"COM:\",0,10,1\r");
            host.send("\n" + PAYLOAD); // a UART driver's late LF, and no waiting for CONNECT
            host.line("CONNECT");
            host.line("OK");
            assertThat(host.result("+QFTPPUT")).containsExactly(0, 10);

            host.send("AT+QFTPGET=\"q.txt\",\"COM:\"\r\n");
            host.line("CONNECT");
            assertThat(host.dataUntil("\r\nOK\r\n")).isEqualTo(PAYLOAD);
            assertThat(host.result("+QFTPGET")).containsExactly(0, 10);

            for (String listing : List.of("+QFTPLIST", "+QFTPNLST", "+QFTPMLSD")) {
                host.send("AT" + listing + "=\".\"\r\n");
                host.line("CONNECT");
                String data = host.dataUntil("\r\nOK\r\n");
                assertThat(data).contains("p.txt").contains("q.txt");
                assertThat(host.result(listing)).containsExactly(0, data.length());
            }

            host.send("AT+QFUPL=\"u.txt\",10,5\r\n" + PAYLOAD);
            host.line("CONNECT");
            assertThat(host.line("+QFUPL: ")).startsWith("+QFUPL: 10,");
            host.line("OK");
            host.send("AT+QFDWL=\"u.txt\"\r\n");
            host.line("CONNECT");
            assertThat(host.dataUntil("\r\n+QFDWL: ")).isEqualTo(PAYLOAD);
            assertThat(host.line("")).matches("10,[0-9A-Fa-f]+");
            host.line("OK");

            host.send("AT+QFOPEN=\"w.txt\",0\r\n");
            int handle = Integer.parseInt(host.line("+QFOPEN: ").substring("+QFOPEN: ".length()));
            host.line("OK");
            host.send("AT+QFWRITE=" + handle + ",10\r\n" + PAYLOAD);
            host.line("CONNECT");
            assertThat(host.line("+QFWRITE: ")).isEqualTo("+QFWRITE: 10,10");
            host.line("OK");
            host.send("AT+QFSEEK=" + handle + ",0,0\r\n");
            host.line("OK");
            host.send("AT+QFREAD=" + handle + ",10\r");
            host.line("CONNECT 10");
            host.send("\n");
            assertThat(host.dataUntil("\r\nOK\r\n")).isEqualTo(PAYLOAD);
            host.send("AT+QFCLOSE=" + handle + "\r\n");
            host.line("OK");
            host.send("AT\r\n");
            host.line("OK");
            assertThat(host.unclaimed()).isEmpty();
        }
    }

    /** The host side as field drivers write it. */
    private static final class Persona {

        private static final Duration WAIT = Duration.ofSeconds(20);

        private final HostConnection host;
        private final List<String> unclaimed = new ArrayList<>();

        Persona(HostConnection host) {
            this.host = host;
        }

        void send(String text) throws IOException {
            host.send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** The next line starting with {@code prefix}; other non-empty lines (URCs) wait for their reader. */
        String line(String prefix) throws IOException {
            for (int i = 0; i < unclaimed.size(); i++) {
                if (unclaimed.get(i).startsWith(prefix)) {
                    return unclaimed.remove(i);
                }
            }
            while (true) {
                String line = host.readUntil("\r\n", WAIT);
                line = line.substring(0, line.length() - 2);
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (!line.isEmpty()) {
                    unclaimed.add(line);
                }
            }
        }

        /** {@code <name>: %d,%d}, nothing else on the line. */
        int[] result(String name) throws IOException {
            String line = line(name + ":");
            Matcher m = Pattern.compile(Pattern.quote(name) + ": (0|[1-9][0-9]*),(0|[1-9][0-9]*)").matcher(line);
            assertThat(m.matches()).as("strict %s in %s", name, line).isTrue();
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }

        /** Data-mode bytes up to {@code end}, which is consumed too. */
        String dataUntil(String end) throws IOException {
            String seen = host.readUntil(end, WAIT);
            return seen.substring(0, seen.length() - end.length());
        }

        List<String> unclaimed() {
            return unclaimed;
        }
    }
}
