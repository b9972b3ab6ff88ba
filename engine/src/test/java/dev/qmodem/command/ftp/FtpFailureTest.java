package dev.qmodem.command.ftp;

import dev.qmodem.command.ftp.FtpRig.Server;
import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.Arrays;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures seen from the host, through a running module over TCP: each is reported with the codes of DESIGN.md
 * decision 6, nothing acknowledged is lost, and afterwards the module answers and a new login works.
 */
class FtpFailureTest {

    /** vsftpd sending at 200 kB/s: a download runs long enough to break it in the middle. */
    private static final UnaryOperator<Vsftpd.Builder> SLOW = b -> b.option("local_max_rate", "200000");
    private static final int BIG = 2_000_000;
    private static final String TRANSFER_LOST = "(60[678]|616)";

    @ParameterizedTest
    @EnumSource(Server.class)
    @Timeout(60)
    void loginAndCommandFailuresLeaveTheModuleUsable(Server server, @TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(server, Model.BG95, work)) {
            rig.host().command("ATE0");
            rig.expect("ATE0\r\r\nOK\r\n");
            rig.configure(1);
            rig.at("AT+QFTPOPEN=\"ftp.example.test\"," + rig.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 605,0\r\n");
            rig.at("AT+QIACT=1", "\r\nOK\r\n");
            rig.at("AT+QFTPOPEN=\"no-such-host.invalid\",21", "\r\nOK\r\n\r\n+QFTPOPEN: 604,0\r\n");
            rig.at("AT+QFTPOPEN=\"127.0.0.1\"," + closedPort(), "\r\nOK\r\n\r\n+QFTPOPEN: 605,0\r\n");
            rig.at("AT+QFTPCFG=\"account\",\"" + rig.user() + "\",\"wrong\"", "\r\nOK\r\n");
            rig.at("AT+QFTPOPEN=\"ftp.example.test\"," + rig.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 625,530\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
            rig.configure(1);
            rig.open();

            rig.at("AT+QFTPGET=\"missing.bin\",\"COM:\"", "\r\nOK\r\n\r\n+QFTPGET: 627,550\r\n");
            rig.at("AT+QFTPGET=\"missing.bin\",\"missing.bin\"", "\r\nOK\r\n\r\n+QFTPGET: 627,550\r\n");
            rig.at("AT+QFTPCWD=\"/no/such/dir\"", "\r\nOK\r\n\r\n+QFTPCWD: 627,550\r\n");
            rig.at("AT", "\r\nOK\r\n");

            rig.at("AT+QIDEACT=1", "\r\nOK\r\n\r\n+QFTPCLOSE: 605,0\r\n");
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
            rig.at("AT+QIACT=1", "\r\nOK\r\n");
            rig.open();
            rig.place("small.bin", Payloads.bytes(0, 1000));
            rig.at("AT+QFTPGET=\"small.bin\",\"small.bin\"", "\r\nOK\r\n\r\n+QFTPGET: 0,1000\r\n");
        }
    }

    @Test
    @Timeout(60)
    void serverKilledMidDownloadEndsDataModeWithTheErrorInTheUrc(@TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work, SLOW)) {
            rig.login(1);
            rig.placeStreamed("big.bin", BIG);
            rig.at("AT+QFTPGET=\"big.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            byte[] head = rig.host().read(100_000);
            rig.killServerSessions();
            String rest = rig.host().readUntilMatch(
                    Pattern.compile("\r\nOK\r\n\r\n\\+QFTPGET: " + TRANSFER_LOST + ",0\r\n$"),
                    FtpRig.WAIT);
            byte[] tail = rest.substring(0, rest.lastIndexOf("\r\nOK\r\n")).getBytes(StandardCharsets.ISO_8859_1);
            long received = head.length + tail.length;
            assertThat(received).isLessThan(BIG);
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head),
                    new ByteArrayInputStream(tail));
            assertThat(Payloads.mismatch(all, 0, received)).as("host got a prefix of the file").isEqualTo(-1);
            assertRecovers(rig);
        }
    }

    @Test
    @Timeout(60)
    void serverKilledMidUploadReportsTheErrorAndKeepsThePrefix(@TempDir Path work) throws Exception {
        int size = 8_000_000;
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work)) {
            rig.login(1);
            rig.at("AT+QFTPPUT=\"up.bin\",\"COM:\",0," + size + ",1", "\r\nCONNECT\r\n");
            byte[] all = Payloads.bytes(0, size);
            rig.host().send(Arrays.copyOf(all, 300_000));
            Path stored = rig.serverRoot().resolve("up.bin");
            awaitSize(stored, 100_000);
            rig.killServerSessions();
            rig.host().send(Arrays.copyOfRange(all, 300_000, size));
            rig.expectMatch("\r\nOK\r\n\r\n\\+QFTPPUT: " + TRANSFER_LOST + ",0\r\n");
            long kept = Files.size(stored);
            assertThat(kept).isBetween(100_000L, 300_000L + 2L * 1024 * 1024);
            assertThat(Payloads.fileHolds(stored, kept)).as("server kept a prefix").isTrue();
            assertRecovers(rig);
        }
    }

    @Test
    @Timeout(60)
    void hostSilentDuringUploadEndsItAfterRsptimeout(@TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.EMBEDDED, Model.BG95, work)) {
            rig.host().command("ATE0");
            rig.expect("ATE0\r\r\nOK\r\n");
            rig.at("AT+QIACT=1", "\r\nOK\r\n");
            rig.configure(1);
            rig.at("AT+QFTPCFG=\"rsptimeout\",20", "\r\nOK\r\n");
            rig.open();
            rig.at("AT+QFTPPUT=\"quiet.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            rig.host().send(Payloads.bytes(0, 1000));
            long sent = System.nanoTime();
            String end = rig.host().readUntil("\r\nOK\r\n\r\n+QFTPPUT: 609,0\r\n", Duration.ofSeconds(30));
            assertThat(end).isEqualTo("\r\nOK\r\n\r\n+QFTPPUT: 609,0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(19));
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("quiet.bin"), 1000)).isTrue();
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    @Timeout(60)
    void hostGoneMidUploadKeepsTheBytesAndTellsTheNextHost(Server server, @TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(server, Model.BG95, work)) {
            rig.login(1);
            rig.at("AT+QFTPPUT=\"gone.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            rig.host().send(Payloads.bytes(0, 100_000));
            rig.reconnect();
            rig.expect("\r\n+QFTPPUT: 0,100000\r\n");
            assertThat(Payloads.fileHolds(rig.serverRoot().resolve("gone.bin"), 100_000)).isTrue();
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(60)
    void hostGoneMidDownloadAbortsItAndTheNextHostCarriesOn(@TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work, SLOW)) {
            rig.login(1);
            rig.placeStreamed("big.bin", BIG);
            rig.at("AT+QFTPGET=\"big.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            rig.host().read(50_000);
            long gone = System.nanoTime();
            rig.reconnect();
            rig.expectMatch("\r\n\\+QFTPGET: " + TRANSFER_LOST + ",0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - gone)).as("aborted, not run to its end")
                    .isLessThan(Duration.ofSeconds(5));
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
            rig.place("small.bin", Payloads.bytes(0, 1000));
            rig.at("AT+QFTPGET=\"small.bin\",\"COM:\"", "\r\nCONNECT\r\n");
            assertThat(rig.host().read(1000)).isEqualTo(Payloads.bytes(0, 1000));
            rig.expect("\r\nOK\r\n\r\n+QFTPGET: 0,1000\r\n");
        }
    }

    @Test
    @Timeout(60)
    void failedDownloadToAFileKeepsExactlyTheBytesReceived(@TempDir Path work) throws Exception {
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work, SLOW)) {
            rig.login(1);
            rig.placeStreamed("big.bin", BIG);
            rig.at("AT+QFTPGET=\"big.bin\",\"part.bin\"", "\r\nOK\r\n");
            Path part = rig.ufs().resolve("part.bin");
            awaitSize(part, 100_000);
            rig.killServerSessions();
            rig.expectMatch("\r\n\\+QFTPGET: " + TRANSFER_LOST + ",0\r\n");
            long kept = Files.size(part);
            assertThat(kept).isBetween(100_000L, (long) BIG - 1);
            assertThat(Payloads.fileHolds(part, kept)).isTrue();
            rig.at("AT+QFTPLEN", "\r\nOK\r\n\r\n+QFTPLEN: 0," + kept + "\r\n");
            assertRecovers(rig);
            // and the host resumes where the file ends
            rig.at("AT+QFTPGET=\"big.bin\",\"rest.bin\"," + kept,
                    "\r\nOK\r\n\r\n+QFTPGET: 0," + (BIG - kept) + "\r\n");
        }
    }

    /** After the server side died: the module answers, the session is closed, and a new login works. */
    private static void assertRecovers(FtpRig rig) throws Exception {
        rig.at("AT", "\r\nOK\r\n");
        rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
        rig.open();
    }

    private static void awaitSize(Path file, long atLeast) throws Exception {
        while (!Files.exists(file) || Files.size(file) < atLeast) {
            Thread.sleep(10);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
