package dev.qmodem.client.ftp;

import static dev.qmodem.client.ScriptedModule.async;
import static dev.qmodem.client.ScriptedModule.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ScriptedModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class FtpClientTest {

    private ScriptedModule module;
    private Modem modem;
    private FtpClient ftp;

    @BeforeEach
    void connect() throws Exception {
        module = ScriptedModule.start();
        modem = module.connectClient();
        ftp = modem.ftp();
        ftp.setResponseWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        modem.close();
        module.close();
    }

    @Test
    void configureSendsOnlyTheSettingsGiven() throws Exception {
        Future<Void> done = async(() -> {
            ftp.configure(new FtpConfig().account("test", "pw").fileType(FtpConfig.FileType.BINARY)
                    .transferMode(FtpConfig.TransferMode.PASSIVE).contextId(1).responseTimeout(20));
            return null;
        });
        for (String line : List.of("AT+QFTPCFG=\"account\",\"test\",\"pw\"", "AT+QFTPCFG=\"filetype\",0",
                "AT+QFTPCFG=\"transmode\",1", "AT+QFTPCFG=\"contextid\",1", "AT+QFTPCFG=\"rsptimeout\",20")) {
            module.expect(line);
            module.send("\r\nOK\r\n");
        }
        result(done);
    }

    @Test
    void openWaitsForItsUrc() throws Exception {
        Future<Void> open = async(() -> {
            ftp.open("127.0.0.1", 2121);
            return null;
        });
        module.expect("AT+QFTPOPEN=\"127.0.0.1\",2121");
        module.send("AT+QFTPOPEN=\"127.0.0.1\",2121\r\r\nOK\r\n");
        Thread.sleep(50);
        assertThat(open).isNotDone();
        module.send("\r\n+QFTPOPEN: 0,0\r\n");
        result(open);
    }

    @Test
    void failedLoginCarriesErrAndProtocolErrorWithMeanings() throws Exception {
        Future<Void> open = async(() -> {
            ftp.open("h", 21);
            return null;
        });
        module.expect("AT+QFTPOPEN=\"h\",21");
        module.send("\r\nOK\r\n\r\n+QFTPOPEN: 625,530\r\n");
        assertThatThrownBy(() -> result(open)).isInstanceOfSatisfying(FtpException.class, e -> {
            assertThat(e.err()).isEqualTo(625);
            assertThat(e.meaning()).isEqualTo("Not logged in");
            assertThat(e.protocolError()).isEqualTo(530);
            assertThat(e.protocolMeaning()).isEqualTo("Not logged in");
        });
    }

    @Test
    void busyModuleIsAnFtpExceptionWithoutProtocolError() throws Exception {
        Future<Void> cwd = async(() -> {
            ftp.cwd("/");
            return null;
        });
        module.expect("AT+QFTPCWD=\"/\"");
        module.send("\r\n+CME ERROR: 603\r\n");
        assertThatThrownBy(() -> result(cwd)).isInstanceOfSatisfying(FtpException.class, e -> {
            assertThat(e.err()).isEqualTo(603);
            assertThat(e.meaning()).isEqualTo("FTP service busy");
            assertThat(e.protocolError()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"+QFTPPWD: 0,/my dir", "+QFTPPWD: 0,\"/my dir\"", "+QFTPPWD: 0, \"/my dir\""})
    void pwdAcceptsEveryModelsFormat(String urc) throws Exception {
        Future<String> pwd = async(() -> ftp.pwd());
        module.expect("AT+QFTPPWD");
        module.send("\r\nOK\r\n\r\n" + urc + "\r\n");
        assertThat(result(pwd)).isEqualTo("/my dir");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n+QFTPLEN: 0,1000\r\n\r\nOK\r\n", "\r\nOK\r\n\r\n+QFTPLEN: 0,1000\r\n"})
    void transferredLengthBeforeOrAfterOk(String answer) throws Exception {
        Future<Long> length = async(() -> ftp.transferredLength());
        module.expect("AT+QFTPLEN");
        module.send(answer);
        assertThat(result(length)).isEqualTo(1000);
    }

    @Test
    void statusBeforeOk() throws Exception {
        Future<FtpStatus> status = async(() -> ftp.status());
        module.expect("AT+QFTPSTAT");
        module.send("\r\n+QFTPSTAT: 0,1\r\n\r\nOK\r\n");
        assertThat(result(status)).isEqualTo(FtpStatus.IDLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+QFTPMDTM: 0,\"20140708110039\"", "+QFTPMDTM: 0, \"20140708110039\"",
            "+QFTPMDTM: 0,20140708110039", "+QFTPMDTM: 0,20140708110039.000"})
    void modificationTimeWithOrWithoutQuotes(String urc) throws Exception {
        Future<LocalDateTime> time = async(() -> ftp.modificationTime("a.txt"));
        module.expect("AT+QFTPMDTM=\"a.txt\"");
        module.send("\r\nOK\r\n\r\n" + urc + "\r\n");
        assertThat(result(time)).isEqualTo(LocalDateTime.of(2014, 7, 8, 11, 0, 39));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+QFTPSIZE: 0,1000", "+QFTPSIZE: 1000"})
    void sizeAlsoInTheDocumentsTypoForm(String urc) throws Exception {
        Future<Long> size = async(() -> ftp.size("a.txt"));
        module.expect("AT+QFTPSIZE=\"a.txt\"");
        module.send("\r\nOK\r\n\r\n" + urc + "\r\n");
        assertThat(result(size)).isEqualTo(1000);
    }

    @Test
    void getDeliversDataThatLooksLikeResultCodesAndUrcs() throws Exception {
        byte[] data = ("line\r\nOK\r\n+++\r\n\r\nOK\r\n\r\n+QFTPGET: 0,5\r\n\r\nERROR\r\nend\r\nOK\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Future<Long> get = async(() -> ftp.get("t.bin", out));
        module.expect("AT+QFTPGET=\"t.bin\",\"COM:\"");
        module.send("AT+QFTPGET=\"t.bin\",\"COM:\"\r\r\nCONNECT\r\n");
        for (byte b : data) {
            module.send(new byte[] {b});
        }
        module.send("\r\nOK\r\n\r\n+QIURC: \"x\"\r\n\r\n+QFTPGET: 0," + data.length + "\r\n");
        assertThat(result(get)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThatNextCommandWorks();
    }

    @Test
    void getStreamsLargeBinaryData() throws Exception {
        byte[] data = new byte[2_000_000];
        new Random(7).nextBytes(data);
        for (int i = 0; i < data.length - 6; i += 50_000) {
            System.arraycopy("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII), 0, data, i, 6);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Future<Long> get = async(() -> ftp.get("big.bin", out, 0, data.length));
        module.expect("AT+QFTPGET=\"big.bin\",\"COM:\",0," + data.length);
        module.send("\r\nCONNECT\r\n");
        module.send(data);
        module.send("\r\nOK\r\n\r\n+QFTPGET: 0," + data.length + "\r\n");
        assertThat(result(get)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void getFailingMidTransferReportsTheUrcError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Future<Long> get = async(() -> ftp.get("t.bin", out));
        module.expect("AT+QFTPGET=\"t.bin\",\"COM:\"");
        module.send("\r\nCONNECT\r\nabc\r\nOK\r\n\r\n+QFTPGET: 607,0\r\n");
        assertThatThrownBy(() -> result(get)).isInstanceOfSatisfying(FtpException.class, e -> {
            assertThat(e.err()).isEqualTo(607);
            assertThat(e.meaning()).isEqualTo("Data connection closed");
        });
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void listReturnsTheLines() throws Exception {
        String listing = "-rw-r--r-- 1 ftp ftp 10 Jan 01 00:00 a.txt\r\ndrwxr-xr-x 2 ftp ftp 0 Jan 01 00:00 d\r\n";
        Future<List<String>> list = async(() -> ftp.list("."));
        module.expect("AT+QFTPLIST=\".\",\"COM:\"");
        module.send("\r\nCONNECT\r\n" + listing + "\r\nOK\r\n\r\n+QFTPLIST: 0," + listing.length() + "\r\n");
        assertThat(result(list)).containsExactly("-rw-r--r-- 1 ftp ftp 10 Jan 01 00:00 a.txt",
                "drwxr-xr-x 2 ftp ftp 0 Jan 01 00:00 d");
    }

    @Test
    void putWithKnownLengthUsesUploadLenAndNoEscape() throws Exception {
        byte[] data = "+++\r\nOK\r\n payload +++".getBytes(StandardCharsets.US_ASCII);
        Future<Long> put = async(() -> ftp.put("a.bin", data));
        module.expect("AT+QFTPPUT=\"a.bin\",\"COM:\",0," + data.length + ",1");
        module.send("\r\nCONNECT\r\n");
        assertThat(module.readBytes(data.length)).isEqualTo(data);
        module.send("\r\nOK\r\n\r\n+QFTPPUT: 0," + data.length + "\r\n");
        assertThat(result(put)).isEqualTo(data.length);
        assertThatNextCommandWorks();
    }

    @Test
    void putOfUnknownLengthEndsWithPlusesAfterTheGuardTime() throws Exception {
        Duration guard = Duration.ofMillis(150);
        modem.at().setGuardTime(guard);
        byte[] data = "abc+++def".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        Future<Long> put = async(() -> ftp.put("a.bin", new ByteArrayInputStream(data)));
        module.expect("AT+QFTPPUT=\"a.bin\",\"COM:\",0");
        // Causality makes this robust on a loaded machine: the client cannot send data before it reads CONNECT, and
        // it keeps the guard time of silence after its last data byte, so "+++" arrives at least a guard after this.
        long connectSent = System.nanoTime();
        module.send("\r\nCONNECT\r\n");

        assertThat(module.readBytes(data.length)).isEqualTo(data);
        assertThat(module.readBytes(3)).isEqualTo("+++".getBytes(StandardCharsets.US_ASCII));
        assertThat(Duration.ofNanos(System.nanoTime() - connectSent)).isGreaterThanOrEqualTo(guard);
        module.send("\r\nOK\r\n\r\n+QFTPPUT: 0," + data.length + "\r\n");
        assertThat(result(put)).isEqualTo(data.length);
    }

    @Test
    void putWhoseStreamFailsLeavesDataModeAndReportsTheCause() throws Exception {
        modem.at().setGuardTime(Duration.ofMillis(50));
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("disk gone");
                }
                return 'x';
            }
        };
        Future<Long> put = async(() -> ftp.put("a.bin", failing, 100));
        module.expect("AT+QFTPPUT=\"a.bin\",\"COM:\",0,100,1");
        module.send("\r\nCONNECT\r\n");
        assertThat(module.readBytes(13)).isEqualTo("xxxxxxxxxx+++".getBytes(StandardCharsets.US_ASCII));
        module.send("\r\nOK\r\n\r\n+QFTPPUT: 0,10\r\n");
        assertThatThrownBy(() -> result(put)).isInstanceOf(dev.qmodem.client.at.ModemException.class)
                .hasMessageContaining("disk gone");
    }

    private void assertThatNextCommandWorks() throws Exception {
        Future<String> pwd = async(() -> ftp.pwd());
        module.expect("AT+QFTPPWD");
        module.send("\r\nOK\r\n\r\n+QFTPPWD: 0,\"/\"\r\n");
        assertThat(result(pwd)).isEqualTo("/");
    }
}
