package dev.qmodem.client.file;

import static dev.qmodem.client.ScriptedModule.async;
import static dev.qmodem.client.ScriptedModule.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qmodem.client.Modem;
import dev.qmodem.client.ScriptedModule;
import dev.qmodem.client.at.ModemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FileClientTest {

    private ScriptedModule module;
    private Modem modem;

    @BeforeEach
    void connect() throws Exception {
        module = ScriptedModule.start();
        modem = module.connectClient();
    }

    @AfterEach
    void close() throws Exception {
        modem.close();
        module.close();
    }

    @Test
    void checksumIsXorOfBigEndianPairsWithAnOddLastByteHigh() {
        assertThat(XorChecksum.of(new byte[] {0x12, 0x34, 0x56, 0x78})).isEqualTo(0x1234 ^ 0x5678);
        assertThat(XorChecksum.of(new byte[] {0x12, 0x34, 0x56})).isEqualTo(0x1234 ^ 0x5600);
        XorChecksum split = new XorChecksum();
        split.update(new byte[] {0x12}, 0, 1);
        split.update(new byte[] {0x34, 0x56}, 0, 2);
        assertThat(split.value()).isEqualTo(0x1234 ^ 0x5600);
    }

    @Test
    void uploadSendsExactlyTheBytesAndVerifiesTheChecksum() throws Exception {
        byte[] data = "hello\r\nOK\r\n+++".getBytes(StandardCharsets.US_ASCII);
        Future<FileTransfer> upload = async(() -> modem.files().upload("RAM:a.txt", data));
        module.expect("AT+QFUPL=\"RAM:a.txt\"," + data.length + ",30");
        module.send("\r\nCONNECT\r\n");
        assertThat(module.readBytes(data.length)).isEqualTo(data);
        module.send("\r\n+QFUPL: " + data.length + "," + Integer.toHexString(XorChecksum.of(data)) + "\r\n\r\nOK\r\n");
        assertThat(result(upload)).isEqualTo(new FileTransfer(data.length, XorChecksum.of(data)));
    }

    @Test
    void uploadWithAWrongChecksumFails() throws Exception {
        byte[] data = {1, 2, 3};
        Future<FileTransfer> upload = async(() -> modem.files().upload("a", data));
        module.expect("AT+QFUPL=\"a\",3,30");
        module.send("\r\nCONNECT\r\n");
        module.readBytes(3);
        module.send("\r\n+QFUPL: 3,ffff\r\n\r\nOK\r\n");
        assertThatThrownBy(() -> result(upload)).isInstanceOf(ModemException.class).hasMessageContaining("checksum");
    }

    @Test
    void downloadTakesTheSizeFirstSoDataMayLookLikeResponses() throws Exception {
        byte[] data = "\r\n+QFDWL: 1,0\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
        Future<byte[]> download = async(() -> modem.files().download("a.txt"));
        module.expect("AT+QFLST=\"a.txt\"");
        module.send("\r\n+QFLST: \"a.txt\"," + data.length + "\r\n\r\nOK\r\n");
        module.expect("AT+QFDWL=\"a.txt\"");
        module.send("\r\nCONNECT\r\n");
        module.send(data);
        module.send("\r\n+QFDWL: " + data.length + "," + Integer.toHexString(XorChecksum.of(data)) + "\r\n\r\nOK\r\n");
        assertThat(result(download)).isEqualTo(data);
    }

    @Test
    void listAcceptsQuotedAndBareNames() throws Exception {
        Future<List<LocalFile>> list = async(() -> modem.files().list("RAM:*"));
        module.expect("AT+QFLST=\"RAM:*\"");
        module.send("\r\n+QFLST: \"RAM:a,b.txt\",1000\r\n+QFLST: RAM:test.txt,550\r\n\r\nOK\r\n");
        assertThat(result(list)).containsExactly(new LocalFile("RAM:a,b.txt", 1000), new LocalFile("RAM:test.txt", 550));
    }

    @Test
    void randomAccessReadUsesTheLengthOnTheConnectLine() throws Exception {
        Future<byte[]> read = async(() -> {
            try (FileHandle file = modem.files().open("a.txt", OpenMode.READ_ONLY)) {
                file.seek(2, FileHandle.Whence.START);
                return file.read(100);
            }
        });
        module.expect("AT+QFOPEN=\"a.txt\",2");
        module.send("\r\n+QFOPEN: 1027\r\n\r\nOK\r\n");
        module.expect("AT+QFSEEK=1027,2,0");
        module.send("\r\nOK\r\n");
        module.expect("AT+QFREAD=1027,100");
        module.send("\r\nCONNECT 6\r\nOK\r\n\r\n\r\nOK\r\n");
        module.expect("AT+QFCLOSE=1027");
        module.send("\r\nOK\r\n");
        assertThat(new String(result(read), StandardCharsets.US_ASCII)).isEqualTo("OK\r\n\r\n");
    }
}
