package dev.qmodem.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class ChecksumTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"CRC32, 89a1897f", "CRC16, d64e", "CRC16_CCITT, 906e"})
    void crcCheckValues(ChecksumAlgorithm algorithm, String expected) {
        DataChecksum checksum = algorithm.create();
        checksum.update(CHECK_INPUT);

        assertThat(checksum.hex()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CRC32", "CRC16", "CRC16_CCITT", "QUECTEL_XOR16"})
    void anySplitGivesTheSameValue(ChecksumAlgorithm algorithm) {
        Random random = new Random(7);
        byte[] data = new byte[5001];
        random.nextBytes(data);
        DataChecksum whole = algorithm.create();
        whole.update(data);

        for (int round = 0; round < 50; round++) {
            DataChecksum split = algorithm.create();
            feedInRandomChunks(split, data, random);
            assertThat(split.value()).isEqualTo(whole.value());
        }
    }

    /** What a real BG96 answered for a file holding the one byte "0" (forums.quectel.com, "CRC32 algorithm"). */
    @ParameterizedTest
    @CsvSource({"CRC32, d4326d90", "CRC16, 285c", "CRC16_CCITT, c1fb", "QUECTEL_XOR16, 3000"})
    void realModuleValuesForOneByte(ChecksumAlgorithm algorithm, String expected) {
        DataChecksum checksum = algorithm.create();
        checksum.update(new byte[] {'0'});

        assertThat(checksum.hex()).isEqualTo(expected);
    }

    @Test
    void xorMatchesAStraightforwardComputation() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            QuectelChecksum checksum = new QuectelChecksum();
            feedInRandomChunks(checksum, data, random);

            assertThat(checksum.value()).isEqualTo(straightforwardXor(data));
        }
    }

    @Test
    void xorExamples() {
        assertThat(xorOf(new byte[0])).isEqualTo("0");
        assertThat(xorOf(new byte[] {0x12, 0x34})).isEqualTo("1234");
        assertThat(xorOf(new byte[] {0x12, 0x34, 0x56})).isEqualTo("4434");
        assertThat(xorOf(new byte[] {0x00, 0x07, 0x00, 0x00})).isEqualTo("7");
        assertThat(xorOf(new byte[] {(byte) 0xff, (byte) 0xff, 0x0f, 0x0f})).isEqualTo("f0f0");
    }

    private static String xorOf(byte[] data) {
        QuectelChecksum checksum = new QuectelChecksum();
        checksum.update(data);
        return checksum.hex();
    }

    private static long straightforwardXor(byte[] data) {
        int xor = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            xor ^= high << 8 | low;
        }
        return xor;
    }

    private static void feedInRandomChunks(DataChecksum checksum, byte[] data, Random random) {
        int offset = 0;
        while (offset < data.length) {
            int len = Math.min(data.length - offset, random.nextInt(8));
            checksum.update(data, offset, len);
            offset += len;
        }
    }
}
