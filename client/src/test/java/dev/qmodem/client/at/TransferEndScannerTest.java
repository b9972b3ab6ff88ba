package dev.qmodem.client.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data that holds, at offset k, a whole trailer {@code \r\nOK\r\n\r\n+QFTPGET: 0,k\r\n} is indistinguishable
 * from a transfer of k bytes, on the wire as here; every other data is delivered exactly.
 */
@Timeout(10)
class TransferEndScannerTest {

    private static final String[] TRICKY = {
        "", "plain", "\r\nOK\r\n", "a\r\nOK\r\n", "\r\nOK\r\n\r\n+QFTPGET: 0,3\r\nzz", "x\r\nOK\r\n\r\n+QFTPGET: 0,0\r\n",
        "\r\nOK\r", "\r\n+CME ERROR: 3\r\n", "\r\r\r\n\n\n", "+++", "\r\nOK\r\n" + "y".repeat(5000),
        "\r\nOK\r\n\r\n" + "+QIURC: x\r\n".repeat(600),
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 8192})
    void findsTheEndWhateverTheDataAndTheChunking(int chunk) {
        for (String text : TRICKY) {
            byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
            String trailer = "\r\nOK\r\n\r\n+QIURC: \"other\"\r\n\r\n+QFTPGET: 0," + data.length + "\r\nAFTER";
            byte[] stream = concat(data, trailer.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            TransferEndScanner scanner = new TransferEndScanner("+QFTPGET:", sink::write);
            int i = 0;
            while (!scanner.matched()) {
                int n = Math.min(chunk, stream.length - i);
                i += scanner.feed(stream, i, n);
            }
            String rest = new String(scanner.leftover(), StandardCharsets.US_ASCII)
                    + new String(stream, i, stream.length - i, StandardCharsets.US_ASCII);
            assertThat(sink.toByteArray()).as("data %s in chunks of %d", text, chunk).isEqualTo(data);
            assertThat(scanner.resultLine()).isEqualTo("OK");
            assertThat(scanner.otherLines()).containsExactly("+QIURC: \"other\"");
            assertThat(scanner.outcomeLine()).isEqualTo("+QFTPGET: 0," + data.length);
            // a match at the URC's CR leaves its LF to line mode, which skips the empty line
            assertThat(rest).isIn("AFTER", "\nAFTER");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 1000})
    void randomBinaryData(int seed) {
        byte[] data = new byte[100_000];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) "\r\nOK+QFTPGET: 0,"
                    .charAt(random.nextInt(16));
        }
        byte[] stream = concat(data, ("\r\nOK\r\n\r\n+QFTPGET: 0," + data.length + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        TransferEndScanner scanner = new TransferEndScanner("+QFTPGET:", sink::write);
        int i = 0;
        while (!scanner.matched()) {
            i += scanner.feed(stream, i, Math.min(random.nextInt(300) + 1, stream.length - i));
        }
        assertThat(sink.toByteArray()).isEqualTo(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
