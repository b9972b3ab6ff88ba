package dev.qmodem.command.ftp;

import dev.qmodem.command.ftp.FtpRig.Server;
import dev.qmodem.module.Escapes;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers through a running module over TCP against vsftpd and the embedded server: binary payloads (every byte
 * value, {@code \r\nOK\r\n} and {@code +++} inside) to and from {@code COM:} in active and passive mode, uploads in
 * parts ({@code <uploadlen>,<beof>}), the busy and state errors, and local files as targets (DESIGN.md 7-10).
 */
class FtpTransferTest {

    /** Odd on purpose: not a multiple of a buffer, a payload block or a socket segment. */
    private static final int SIZE = 200_003;

    static Stream<Arguments> serversAndModes() {
        return Arrays.stream(Server.values()).flatMap(s -> Stream.of(Arguments.of(s, 0), Arguments.of(s, 1)));
    }

    @ParameterizedTest(name = "{0} transmode {1}")
    @MethodSource("serversAndModes")
    @Timeout(60)
    void binaryPayloadsCrossUnchanged(Server server, int transmode, @TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(server, Model.BG95, work)) {
            rig.login(transmode);
            rig.at("ATS12=5", "\r\nOK\r\n");
            byte[] payload = Payloads.bytes(0, SIZE);

            rig.place("down.bin", payload);
            rig.at("AT+QFTPGET=\"down.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            byte[] received = rig.host().read(SIZE);
            assertThat(Arrays.mismatch(received, payload)).as("first differing byte").isEqualTo(-1);
            rig.expect("\r\nOK\r\n\r\n+QFTPGET: 0," + SIZE + "\r\n");

            rig.at("AT+QFTPPUT=\"bylength.bin\",\"COM:\",0," + SIZE + ",1", "\r\nCONNECT\r\n");
            rig.host().send(payload);
            rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + SIZE + "\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("bylength.bin"), SIZE)).isTrue();

            rig.at("AT+QFTPPUT=\"byescape.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            rig.host().send(payload);
            Thread.sleep(300); // the guard time (ATS12=5: 0.1 s) of silence before +++
            rig.host().send("+++");
            rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + SIZE + "\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("byescape.bin"), SIZE)).isTrue();

            rig.at("AT", "\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    @Timeout(60)
    void uploadInPartsContinuesOnlyWhereItStopped(Server server, @TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(server, Model.BG95, work)) {
            rig.login(1);
            rig.at("AT+QFTPPUT=\"parts.bin\",\"COM:\",0,1024,0", "\r\nCONNECT\r\n");
            rig.host().send(Payloads.bytes(0, 1024));
            rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0,1024\r\n");

            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,2\r\n\r\nOK\r\n");
            rig.at("AT+QFTPLEN", "\r\nOK\r\n\r\n+QFTPLEN: 0,1024\r\n");
            rig.at("AT+QFTPPUT=\"other.bin\",\"COM:\",1024,1024,1", "\r\n+CME ERROR: 612\r\n");
            rig.at("AT+QFTPPUT=\"parts.bin\",\"COM:\",1000,1024,1", "\r\n+CME ERROR: 612\r\n");
            rig.at("AT+QFTPCWD=\"/\"", "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPSIZE=\"parts.bin\"", "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPGET=\"parts.bin\",\"COM:\"", "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPOPEN=\"ftp.example.test\"," + rig.port(), "\r\n+CME ERROR: 603\r\n");

            rig.at("AT+QFTPPUT=\"parts.bin\",\"COM:\",1024,1024,1", "\r\nCONNECT\r\n");
            rig.host().send(Payloads.bytes(1024, 1024));
            rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0,1024\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("parts.bin"), 2048)).isTrue();

            rig.at("AT+QFTPPUT=\"cut.bin\",\"COM:\",0,1000,0", "\r\nCONNECT\r\n");
            rig.host().send(Payloads.bytes(0, 1000));
            rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0,1000\r\n");
            rig.at("AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("cut.bin"), 1000)).isTrue();
            rig.open();
        }
    }

    @Test
    @Timeout(60)
    void everyOtherCommandIsBusyWhileADownloadRuns(@TempDir Path work) throws Exception {
        int size = 300_000;
        // 100 kB/s: the download takes about three seconds, long enough to ask while it runs
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work, b -> b.option("local_max_rate", "100000"))) {
            rig.host().command("ATE0");
            rig.expect("ATE0\r\r\nOK\r\n");
            rig.at("AT+QFTPCWD=\"/\"", "\r\n+CME ERROR: 625\r\n");
            rig.at("AT+QFTPGET=\"x\",\"COM:\"", "\r\n+CME ERROR: 625\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
            rig.at("AT+QIACT=1", "\r\nOK\r\n");
            rig.configure(1);
            rig.open();
            rig.at("AT+QFTPOPEN=\"ftp.example.test\"," + rig.port(), "\r\n+CME ERROR: 623\r\n");

            rig.placeStreamed("slow.bin", size);
            rig.at("AT+QFTPGET=\"slow.bin\",\"slow.bin\"", "\r\nOK\r\n");
            rig.at("AT+QFTPCWD=\"/\"", "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPPUT=\"a.bin\",\"COM:\"", "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPOPEN=\"ftp.example.test\"," + rig.port(), "\r\n+CME ERROR: 603\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,2\r\n\r\nOK\r\n");
            rig.expect("\r\n+QFTPGET: 0," + size + "\r\n");
            assertThat(Payloads.fileHolds(rig.ufs().resolve("slow.bin"), size)).isTrue();
            rig.at("AT+QFTPCWD=\"/\"", "\r\nOK\r\n\r\n+QFTPCWD: 0,0\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    @Timeout(60)
    void localFilesAsSourceAndTarget(Server server, @TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(server, Model.BG95, work)) {
            rig.login(1);
            rig.place("test1.txt", Payloads.bytes(0, 1000));

            // the documents' example: bytes [450, 1000) into a 550-byte file
            rig.at("AT+QFTPGET=\"test1.txt\",\"test_my1.txt\",450", "\r\nOK\r\n\r\n+QFTPGET: 0,550\r\n");
            assertThat(Files.readAllBytes(rig.ufs().resolve("test_my1.txt"))).isEqualTo(Payloads.bytes(450, 550));

            rig.at("AT+QFTPLIST=\".\",\"list.txt\"", "\r\nOK\r\n");
            assertListingSaved(rig, "+QFTPLIST", "list.txt");
            rig.at("AT+QFTPNLST=\".\",\"nlst.txt\"", "\r\nOK\r\n");
            assertListingSaved(rig, "+QFTPNLST", "nlst.txt");

            Files.write(rig.ufs().resolve("whole.bin"), Payloads.bytes(0, 2000));
            rig.at("AT+QFTPPUT=\"copy.bin\",\"whole.bin\"", "\r\nOK\r\n\r\n+QFTPPUT: 0,2000\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("copy.bin"), 2000)).isTrue();
            // more than the sockets hold: the copy from the file stops and waits for the server to take more
            int big = (8 << 20) + 7;
            Files.write(rig.ufs().resolve("big.bin"), Payloads.bytes(0, big));
            rig.at("AT+QFTPPUT=\"big.bin\",\"big.bin\"", "\r\nOK\r\n\r\n+QFTPPUT: 0," + big + "\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("big.bin"), big)).isTrue();
            // <startpos> is both the local read offset and the server offset (REST): a resumed upload
            rig.place("resume.bin", Payloads.bytes(0, 500));
            rig.at("AT+QFTPPUT=\"resume.bin\",\"whole.bin\",500", "\r\nOK\r\n\r\n+QFTPPUT: 0,1500\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("resume.bin"), 2000)).isTrue();
            rig.at("AT+QFTPPUT=\"past.bin\",\"whole.bin\",3000", "\r\nOK\r\n\r\n+QFTPPUT: 612,0\r\n");
            rig.at("AT+QFTPPUT=\"none.bin\",\"missing.bin\"", "\r\nOK\r\n\r\n+QFTPPUT: 611,0\r\n");

            rig.at("AT+QFTPGET=\"test1.txt\",\"RAM:ram1.txt\"", "\r\n+CME ERROR: 610\r\n");
            rig.at("AT+QFTPPUT=\"ram.txt\",\"RAM:ram1.txt\"", "\r\n+CME ERROR: 610\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(60)
    void ramDriveOnUc20(@TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.EMBEDDED, Model.UC20, work)) {
            rig.login(1);
            rig.place("test1.txt", Payloads.bytes(0, 1000));
            rig.at("AT+QFTPGET=\"test1.txt\",\"RAM:test1.txt\",450", "\r\nOK\r\n\r\n+QFTPGET: 0,550\r\n");
            rig.at("AT+QFTPPUT=\"back.txt\",\"RAM:test1.txt\"", "\r\nOK\r\n\r\n+QFTPPUT: 0,550\r\n");
            assertThat(Files.readAllBytes(rig.serverRoot().resolve("back.txt"))).isEqualTo(Payloads.bytes(450, 550));
        }
    }

    /** The URC's count is the saved listing's size, and the listing names the file on the server. */
    private static void assertListingSaved(FtpRig rig, String urc, String local) throws Exception {
        Matcher done = rig.expectMatch("\r\n\\" + urc + ": 0,(\\d+)\r\n");
        byte[] listing = Files.readAllBytes(rig.ufs().resolve(local));
        assertThat((long) listing.length).isEqualTo(Long.parseLong(done.group(1)));
        assertThat(new String(listing, StandardCharsets.UTF_8)).as(Escapes.show(listing)).contains("test1.txt");
    }
}
