package dev.qmodem.module;

import dev.qmodem.module.VirtualHost.Line;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entering and leaving data mode as field host code does (issue 10 items 1 and 2): the line feed after the CR
 * of the command line that entered data mode is that line's, whether it comes in the same read, before CONNECT
 * or just after it; and thousands of rapid entries and exits, with bytes already read, answer every time.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(120)
class DataModeEntryTest {

    /** How a host ends its command lines. */
    enum Ending {
        CR("\r", ""), CR_LF("\r\n", ""), LATE_LF("\r", "\n");

        final String withLine;
        final String afterConnect;

        Ending(String withLine, String afterConnect) {
            this.withLine = withLine;
            this.afterConnect = afterConnect;
        }
    }

    // per transport; the full counts (100,000 and 10,000) with -Dqmodem.stress.reads=... -Dqmodem.stress.uploads=...
    private static final int READ_ROUNDS = Integer.getInteger("qmodem.stress.reads", 3_000);
    private static final int UPLOAD_ROUNDS = Integer.getInteger("qmodem.stress.uploads", 600);
    private static final Pattern HANDLE = Pattern.compile("\\+QFOPEN: (\\d+)");

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Line.class)
    void theLineFeedAfterTheCommandLineIsNeverPayload(Line line) throws Exception {
        try (VirtualHost host = VirtualHost.start(line, Model.BG95, work)) {
            echoOff(host, Ending.CR);
            // CR LF, payload sent without waiting for CONNECT: the LF is in the same read as the CR
            host.send("AT+QFUPL=\"a.txt\",5,5\r\nhello");
            host.expect("\r\nCONNECT\r\n\r\n+QFUPL: 5,");
            host.readThrough("\r\n\r\nOK\r\n");
            // the LF arrives after CONNECT, in a read of its own
            host.send("AT+QFUPL=\"b.txt\",5,5\r");
            host.expect("\r\nCONNECT\r\n");
            host.send("\n");
            host.awaitTaken();
            host.send("hello");
            host.readThrough("\r\n\r\nOK\r\n");
            // a line feed long after CONNECT is data
            host.send("AT+QFUPL=\"c.txt\",5,5\r");
            host.expect("\r\nCONNECT\r\n");
            host.advance(1, TimeUnit.SECONDS);
            host.send("\nhell");
            host.readThrough("\r\n\r\nOK\r\n");
            for (String name : new String[] {"a.txt", "b.txt"}) {
                host.send("AT+QFDWL=\"" + name + "\"\r\n");
                host.expect("\r\nCONNECT\r\nhello\r\n+QFDWL: 5,");
                host.readThrough("\r\n\r\nOK\r\n");
            }
            host.send("AT+QFDWL=\"c.txt\"\r\n");
            host.expect("\r\nCONNECT\r\n\nhell\r\n+QFDWL: 5,");
            host.readThrough("\r\n\r\nOK\r\n");
            host.send("AT\r\n");
            host.expect("\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Line.class)
    void aHostThatEndsLinesWithCrAloneKeepsTheLineFeedThatStartsItsData(Line line) throws Exception {
        try (VirtualHost host = VirtualHost.start(line, Model.BG95, work)) {
            echoOff(host, Ending.CR);
            host.send("AT\r");
            host.expect("\r\nOK\r\n");
            host.send("AT+QFUPL=\"d.txt\",5,5\r");
            host.expect("\r\nCONNECT\r\n");
            host.send("\nhell");
            host.readThrough("\r\n\r\nOK\r\n");
            host.send("AT+QFDWL=\"d.txt\"\r");
            host.expect("\r\nCONNECT\r\n\nhell\r\n+QFDWL: 5,");
            host.readThrough("\r\n\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Line.class)
    void zeroLengthReadsAtTheEndOfAFileAnswerEveryTime(Line line) throws Exception {
        try (VirtualHost host = VirtualHost.start(line, Model.BG95, work)) {
            echoOff(host, Ending.CR);
            int handle = open(host, "empty.txt");
            Ending[] endings = Ending.values();
            for (int round = 0; round < READ_ROUNDS; round++) {
                Ending ending = endings[round % endings.length];
                host.send("AT+QFREAD=" + handle + ",100" + ending.withLine);
                host.expect("\r\nCONNECT 0\r\n");
                host.send(ending.afterConnect);
                host.expect("\r\nOK\r\n");
            }
            host.send("AT\r");
            host.expect("\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Line.class)
    void zeroByteUploadsEndByTheirTimeoutEveryTime(Line line) throws Exception {
        try (VirtualHost host = VirtualHost.start(line, Model.BG95, work)) {
            echoOff(host, Ending.CR);
            int handle = open(host, "written.txt");
            Ending[] endings = Ending.values();
            for (int round = 0; round < UPLOAD_ROUNDS; round++) {
                Ending ending = endings[round % endings.length];
                boolean write = round % 2 == 0;
                host.send((write ? "AT+QFWRITE=" + handle + ",10,1" : "AT+QFUPL=\"u" + round + "\",10,1")
                        + ending.withLine);
                host.expect("\r\nCONNECT\r\n");
                host.send(ending.afterConnect);
                host.advance(1, TimeUnit.SECONDS);
                host.expect(write ? "\r\n+QFWRITE: 0,0\r\n\r\nOK\r\n" : "\r\n+QFUPL: 0,0\r\n\r\nOK\r\n");
            }
            host.send("AT\r");
            host.expect("\r\nOK\r\n");
        }
    }

    private static void echoOff(VirtualHost host, Ending ending) throws Exception {
        host.send("ATE0" + ending.withLine);
        host.expect("ATE0\r\r\nOK\r\n");
    }

    private static int open(VirtualHost host, String name) throws Exception {
        host.send("AT+QFOPEN=\"" + name + "\",0\r");
        Matcher matcher = HANDLE.matcher(host.readThrough("\r\n\r\nOK\r\n"));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
