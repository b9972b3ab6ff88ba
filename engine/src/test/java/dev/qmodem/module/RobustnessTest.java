package dev.qmodem.module;

import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input over a real TCP connection: the module answers every line and stays usable. */
class RobustnessTest {

    @TempDir
    Path ufs;

    @Test
    @Timeout(30)
    void lineOfTheMaximumLengthIsExecutedAndOneByteMoreIsAnError() throws IOException {
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs); HostConnection host = modem.connect()) {
            host.command("ATE0");
            host.readUntil("OK\r\n", Duration.ofSeconds(5));
            String atLimit = "AT+CSQ" + ";".repeat(1024 - 6);
            host.command(atLimit);
            assertThat(host.readLike("\r\n+CSQ: 24,99\r\n\r\nOK\r\n")).isEqualTo("\r\n+CSQ: 24,99\r\n\r\nOK\r\n");
            host.command(atLimit + ";");
            assertThat(host.readLike("\r\nERROR\r\n")).isEqualTo("\r\nERROR\r\n");
            host.command("AT" + "X".repeat(100_000));
            assertThat(host.readLike("\r\nERROR\r\n")).isEqualTo("\r\nERROR\r\n");
            host.command("AT");
            assertThat(host.readLike("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        }
    }

    @Test
    @Timeout(300)
    void hundredThousandRandomLinesEachFollowedByAnAnsweredAt() throws IOException {
        Random random = new Random(20261123);
        try (RunningModule modem = RunningModule.start(Model.UC20, ufs); HostConnection host = modem.connect()) {
            host.command("ATE0");
            host.readUntil("OK\r\n", Duration.ofSeconds(5));
            for (int i = 0; i < 100_000; i++) {
                byte[] line = randomLine(random);
                host.send(line);
                host.send("\rATE0Q0V1\rAT\r");
                String seen = host.readUntil("\r\nOK\r\n\r\nOK\r\n", Duration.ofSeconds(10));
                assertThat(seen).as("line %d", i).isNotEmpty();
            }
        }
    }

    /** Random bytes without CR, sometimes shaped like a command, sometimes longer than a line may be. */
    private static byte[] randomLine(Random random) {
        int length = random.nextInt(100) == 0 ? 1025 + random.nextInt(3000) : random.nextInt(40);
        byte[] line = new byte[length];
        random.nextBytes(line);
        for (int i = 0; i < length; i++) {
            if (line[i] == '\r' || line[i] == 'A' || line[i] == 'a') {
                line[i] = 'x';
            }
        }
        if (length > 2 && random.nextBoolean()) {
            byte[] prefix = "AT+".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(prefix, 0, line, 0, prefix.length);
        }
        return line;
    }

    @Test
    @Timeout(30)
    void secondHostIsRefusedWhileOneIsConnectedAndWelcomeAfter() throws IOException {
        try (RunningModule modem = RunningModule.start(Model.BG77, ufs)) {
            try (HostConnection first = modem.connect()) {
                first.command("AT");
                first.readUntil("OK\r\n", Duration.ofSeconds(5));
                try (HostConnection second = modem.connect()) {
                    second.command("AT");
                    assertThat(second.drain(Duration.ofMillis(500))).isEmpty();
                }
                first.command("AT");
                assertThat(first.readUntil("OK\r\n", Duration.ofSeconds(5))).isEqualTo("AT\r\r\nOK\r\n");
            }
            awaitFree(modem);
            try (HostConnection third = modem.connect()) {
                third.command("AT");
                assertThat(third.readUntil("OK\r\n", Duration.ofSeconds(5))).isEqualTo("AT\r\r\nOK\r\n");
            }
        }
    }

    private static void awaitFree(RunningModule modem) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (modem.modem().busy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Timeout(30)
    void settingsOutliveTheHostConnectionLikeASerialPort() throws IOException {
        try (RunningModule modem = RunningModule.start(Model.BG95, ufs)) {
            try (HostConnection host = modem.connect()) {
                host.command("ATE0");
                host.readUntil("OK\r\n", Duration.ofSeconds(5));
            }
            awaitFree(modem);
            try (HostConnection host = modem.connect()) {
                host.command("AT");
                assertThat(host.readLike("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
            }
        }
    }
}
