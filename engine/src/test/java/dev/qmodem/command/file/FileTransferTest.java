package dev.qmodem.command.file;

import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The FILE commands' data paths over a real TCP connection: binary round trips, ACK mode, endings, limits. */
@Timeout(60)
class FileTransferTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern FINAL = Pattern.compile("\r\n(OK|ERROR|\\+CME ERROR: [^\r]*)\r\n$");
    private static final String CONNECT = "\r\nCONNECT\r\n";

    @TempDir
    Path ufs;

    @ParameterizedTest
    @ValueSource(strings = {"UC20:RAM:bin.dat", "UC20:bin.dat", "BG95:bin.dat", "BG77:UFS:bin.dat"})
    void binaryDataRoundTripsThroughUploadAndDownloadWithMatchingChecksums(String modelAndName) throws IOException {
        Model model = Model.valueOf(modelAndName.substring(0, modelAndName.indexOf(':')));
        String name = modelAndName.substring(modelAndName.indexOf(':') + 1);
        byte[] data = hostileData(200_001);
        try (RunningModule modem = RunningModule.start(model, ufs); HostConnection host = connect(modem)) {
            assertThat(upload(host, name, data, "")).isEqualTo(qfupl(data));

            host.command("AT+QFDWL=\"" + name + "\"");
            assertThat(Escapes.show(host.read(CONNECT.length()))).isEqualTo(Escapes.show(CONNECT));
            assertThat(host.read(data.length, WAIT)).isEqualTo(data);
            assertThat(host.readUntilMatch(FINAL, WAIT))
                    .isEqualTo("\r\n+QFDWL: " + data.length + "," + xor16(data) + "\r\n\r\nOK\r\n");
        }
    }

    @Test
    void writeAndReadThroughAHandleKeepBinaryDataIntact() throws IOException {
        byte[] data = hostileData(70_000);
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = connect(modem)) {
            assertThat(at(host, "AT+QFOPEN=\"h.bin\",1")).isEqualTo("\r\n+QFOPEN: 1027\r\n\r\nOK\r\n");
            host.command("AT+QFWRITE=1027," + data.length);
            host.readUntil(CONNECT, WAIT);
            host.send(data);
            assertThat(host.readUntilMatch(FINAL, WAIT))
                    .isEqualTo("\r\n+QFWRITE: " + data.length + "," + data.length + "\r\n\r\nOK\r\n");
            at(host, "AT+QFSEEK=1027,0");
            host.command("AT+QFREAD=1027");
            host.readUntil("\r\nCONNECT " + data.length + "\r\n", WAIT);
            assertThat(host.read(data.length, WAIT)).isEqualTo(data);
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo("\r\nOK\r\n");
            assertThat(at(host, "AT+QFCLOSE=1027")).isEqualTo("\r\nOK\r\n");
        }
    }

    @Test
    void ackModeAnswersAnAAfterEach1024BytesAndTheHostWaitsForIt() throws IOException {
        byte[] data = hostileData(3000);
        try (RunningModule modem = RunningModule.start(Model.UC20, ufs); HostConnection host = connect(modem)) {
            host.command("AT+QFUPL=\"RAM:ack.bin\"," + data.length + ",5,1");
            host.readUntil(CONNECT, WAIT);
            host.send(slice(data, 0, 1000));
            assertThat(host.drain(Duration.ofMillis(200))).as("no A before 1024 bytes").isEmpty();
            host.send(slice(data, 1000, 1024));
            assertThat(new String(host.read(1), StandardCharsets.ISO_8859_1)).isEqualTo("A");
            assertThat(host.drain(Duration.ofMillis(100))).isEmpty();
            host.send(slice(data, 1024, 2048));
            assertThat(new String(host.read(1), StandardCharsets.ISO_8859_1)).isEqualTo("A");
            host.send(slice(data, 2048, data.length));
            assertThat(host.readUntilMatch(FINAL, WAIT)).as("no A after the last bytes").isEqualTo(qfupl(data));
            assertThat(at(host, "AT+QFLST=\"RAM:*\"")).isEqualTo("\r\n+QFLST: \"RAM:ack.bin\",3000\r\n\r\nOK\r\n");
        }
    }

    @Test
    void ackModeWithAHostThatDoesNotWaitStillAcknowledgesEveryBlock() throws IOException {
        byte[] data = hostileData(4096 + 10);
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = connect(modem)) {
            host.command("AT+QFUPL=\"fast.bin\"," + data.length + ",5,1");
            host.readUntil(CONNECT, WAIT);
            host.send(data);
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo("AAAA" + qfupl(data));
        }
    }

    @Test
    void silenceForTheTimeoutEndsTheUploadAndKeepsTheBytes() throws IOException {
        byte[] part = "partial\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = connect(modem)) {
            long start = System.nanoTime();
            host.command("AT+QFUPL=\"slow.txt\",1000,1");
            host.readUntil(CONNECT, WAIT);
            host.send(part);
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo(qfupl(part));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(at(host, "AT+QFLST=\"slow.txt\"")).isEqualTo("\r\n+QFLST: \"slow.txt\"," + part.length + "\r\n\r\nOK\r\n");

            assertThat(at(host, "AT+QFOPEN=\"slow.txt\"")).isEqualTo("\r\n+QFOPEN: 1027\r\n\r\nOK\r\n");
            at(host, "AT+QFSEEK=1027,0,2");
            host.command("AT+QFWRITE=1027,100,1");
            host.readUntil(CONNECT, WAIT);
            host.send("more");
            assertThat(host.readUntilMatch(FINAL, WAIT))
                    .isEqualTo("\r\n+QFWRITE: 4," + (part.length + 4) + "\r\n\r\nOK\r\n");
        }
    }

    /** Issue 3 through AT+QFUPL: +++ escapes only with the guard time around it; plus signs without it are data. */
    @Test
    void plusSignsAreDataWithoutTheGuardTimeAndEndTheUploadWithIt() throws Exception {
        try (RunningModule modem = RunningModule.start(Model.UC20, ufs); HostConnection host = connect(modem)) {
            assertThat(at(host, "ATS12=5")).isEqualTo("\r\nOK\r\n");
            host.command("AT+QFUPL=\"plus.txt\",1000,60");
            host.readUntil(CONNECT, WAIT);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            sendData(host, sent, "a+++b");
            sendData(host, sent, "+++");
            sendData(host, sent, "c");
            Thread.sleep(300);
            sendData(host, sent, "++");
            sendData(host, sent, "+d");
            Thread.sleep(300);
            assertThat(host.drain(Duration.ofMillis(50))).isEmpty();
            host.send("+++");
            Thread.sleep(300);
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo(qfupl(sent.toByteArray()));
            assertThat(at(host, "AT+QFLST=\"plus.txt\"")).isEqualTo("\r\n+QFLST: \"plus.txt\"," + sent.size() + "\r\n\r\nOK\r\n");
            host.command("AT+QFDWL=\"plus.txt\"");
            host.readUntil(CONNECT, WAIT);
            assertThat(new String(host.read(sent.size()), StandardCharsets.ISO_8859_1)).isEqualTo("a+++b+++c+++d");
        }
    }

    /** Issue 3 through AT+QFUPL: a URC raised while the host is in data mode comes out after the upload's answer. */
    @Test
    void urcRaisedDuringDataModeWaitsUntilItEnds() throws IOException {
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = connect(modem)) {
            // the FTP open fails at once (no PDP context active) and its URC is due while the upload runs
            host.command("AT+QFTPOPEN=\"127.0.0.1\",21;+QFUPL=\"urc.txt\",4");
            host.readUntil(CONNECT, WAIT);
            assertThat(host.drain(Duration.ofMillis(500))).as("nothing during data mode").isEmpty();
            host.send("data");
            assertThat(host.readUntil("+QFTPOPEN: 605,0\r\n", WAIT))
                    .isEqualTo(qfupl("data".getBytes(StandardCharsets.ISO_8859_1)) + "\r\n+QFTPOPEN: 605,0\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "..", ".", "a/b", "a\\5Cb", "dir/", "x\\01y", "*",
            "a?c", ".qmodem-upload-1", "UFS:../x", "RAM:../x", "C:x"})
    void hostileNamesAreRefusedAndNothingLandsOutsideTheDrive(String name) throws IOException {
        Path drive = ufs.resolve("ufs");
        try (RunningModule modem = RunningModule.start(Model.UC20, drive); HostConnection host = connect(modem)) {
            assertThat(at(host, "AT+QFUPL=\"" + name + "\",10")).matches("\r\n\\+CME ERROR: (406|425)\r\n");
            assertThat(at(host, "AT+QFOPEN=\"" + name + "\"")).matches("\r\n\\+CME ERROR: (406|425)\r\n");
            assertThat(at(host, "AT+QFDWL=\"" + name + "\"")).matches("\r\n\\+CME ERROR: (405|406|425)\r\n");
            assertThat(at(host, "AT")).isEqualTo("\r\nOK\r\n");
        }
        try (Stream<Path> all = Files.walk(ufs)) {
            assertThat(all.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void fullDriveAnswers403AndLosesNothingThatWasThere() throws IOException {
        byte[] kept = hostileData(3000);
        Properties small = new Properties();
        small.setProperty("fs.ufs.capacity", "4096");
        ModuleConfig config = new ModuleConfig(Model.BG95, ufs, small, Map.of());
        try (RunningModule modem = RunningModule.start(config); HostConnection host = connect(modem)) {
            assertThat(upload(host, "kept.bin", kept, "")).isEqualTo(qfupl(kept));
            assertThat(at(host, "AT+QFLDS=\"UFS\"")).isEqualTo("\r\n+QFLDS: 1096,4096\r\n\r\nOK\r\n");
            assertThat(at(host, "AT+QFUPL=\"more.bin\",2000")).isEqualTo("\r\n+CME ERROR: 403\r\n");
            assertThat(at(host, "AT+QFUPL=\"more.bin\"")).as("the default 10240 bytes do not fit either")
                    .isEqualTo("\r\n+CME ERROR: 403\r\n");

            assertThat(at(host, "AT+QFOPEN=\"grow.bin\"")).isEqualTo("\r\n+QFOPEN: 1027\r\n\r\nOK\r\n");
            host.command("AT+QFWRITE=1027,2000");
            host.readUntil(CONNECT, WAIT);
            host.send(hostileData(2000));
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo("\r\n+CME ERROR: 403\r\n");
            assertThat(at(host, "AT")).as("the host's bytes never became commands").isEqualTo("\r\nOK\r\n");
            at(host, "AT+QFCLOSE=1027");

            host.command("AT+QFDWL=\"kept.bin\"");
            host.readUntil(CONNECT, WAIT);
            assertThat(host.read(kept.length)).isEqualTo(kept);
            assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo("\r\n+QFDWL: 3000," + xor16(kept) + "\r\n\r\nOK\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void ramDriveOnlyOnUc20AndUfsPersistsAcrossARestart(Model model) throws IOException {
        byte[] data = hostileData(5000);
        boolean ram = model == Model.UC20;
        try (RunningModule modem = RunningModule.start(model, ufs); HostConnection host = connect(modem)) {
            String answer = upload(host, "RAM:r.bin", data, "");
            assertThat(answer).isEqualTo(ram ? qfupl(data) : "\r\n+CME ERROR: 425\r\n");
            assertThat(upload(host, "u.bin", data, "")).isEqualTo(qfupl(data));
        }
        try (RunningModule modem = RunningModule.start(model, ufs); HostConnection host = connect(modem)) {
            assertThat(at(host, "AT+QFLST")).as("a second module on the same flash").isEqualTo("\r\n+QFLST: \"u.bin\",5000\r\n\r\nOK\r\n");
            assertThat(at(host, "AT+QFLST=\"RAM:*\"")).isEqualTo(ram ? "\r\nOK\r\n" : "\r\n+CME ERROR: 425\r\n");
            host.command("AT+QFDWL=\"u.bin\"");
            host.readUntil(CONNECT, WAIT);
            assertThat(host.read(data.length)).isEqualTo(data);
            host.readUntilMatch(FINAL, WAIT);
        }
    }

    @Test
    void aHostThatHangsUpMidUploadLeavesTheBytesItSentUnderTheName() throws IOException {
        byte[] data = hostileData(400);
        try (RunningModule modem = RunningModule.start(Model.BG77, ufs)) {
            try (HostConnection host = connect(modem)) {
                host.command("AT+QFUPL=\"cut.bin\",1000,60");
                host.readUntil(CONNECT, WAIT);
                host.send(data);
            }
            awaitFree(modem);
            try (HostConnection host = connect(modem)) {
                assertThat(at(host, "AT+QFLST")).isEqualTo("\r\n+QFLST: \"cut.bin\",400\r\n\r\nOK\r\n");
                host.command("AT+QFDWL=\"cut.bin\"");
                host.readUntil(CONNECT, WAIT);
                assertThat(host.read(data.length)).isEqualTo(data);
                assertThat(host.readUntilMatch(FINAL, WAIT)).isEqualTo("\r\n+QFDWL: 400," + xor16(data) + "\r\n\r\nOK\r\n");
            }
        }
        try (Stream<Path> files = Files.list(ufs)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("cut.bin"));
        }
    }

    // ---- helpers

    private static HostConnection connect(RunningModule modem) throws IOException {
        HostConnection host = modem.connect();
        host.command("ATE0");
        host.readUntil("OK\r\n", WAIT);
        return host;
    }

    /** Sends a command and returns its whole answer up to the final result code. */
    private static String at(HostConnection host, String command) throws IOException {
        host.command(command);
        return host.readUntilMatch(FINAL, WAIT);
    }

    /** AT+QFUPL of exactly the data; returns what follows CONNECT, or the refusal. */
    private static String upload(HostConnection host, String name, byte[] data, String options) throws IOException {
        host.command("AT+QFUPL=\"" + name + "\"," + data.length + options);
        String first = host.readUntilMatch(Pattern.compile("(CONNECT|ERROR[^\r]*)\r\n$"), WAIT);
        if (!first.equals(CONNECT)) {
            return first;
        }
        host.send(data);
        return host.readUntilMatch(FINAL, WAIT);
    }

    private static void sendData(HostConnection host, ByteArrayOutputStream sent, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        host.send(bytes);
        sent.writeBytes(bytes);
    }

    private static String qfupl(byte[] data) {
        return "\r\n+QFUPL: " + data.length + "," + xor16(data) + "\r\n\r\nOK\r\n";
    }

    /** The manuals' checksum, computed the plain way: XOR of big-endian 16-bit words, odd byte padded with 0. */
    private static String xor16(byte[] data) {
        int xor = 0;
        for (int i = 0; i < data.length; i += 2) {
            int word = (data[i] & 0xff) << 8 | (i + 1 < data.length ? data[i + 1] & 0xff : 0);
            xor ^= word;
        }
        return Integer.toHexString(xor);
    }

    /** Every byte value, the V.250 final result text, plus signs and AT commands, then random bytes. */
    private static byte[] hostileData(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int b = 0; b < 256; b++) {
            out.write(b);
        }
        out.writeBytes("\r\nOK\r\n+++\r\nAT+QFDEL=\"*\"\r\nERROR\r\n+++".getBytes(StandardCharsets.ISO_8859_1));
        byte[] head = out.toByteArray();
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        System.arraycopy(head, 0, data, 0, Math.min(head.length, length));
        return data;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(data, from, part, 0, part.length);
        return part;
    }

    /** Waits until the module has seen the last host go (it serves one host at a time). */
    private static void awaitFree(RunningModule modem) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (modem.modem().busy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
