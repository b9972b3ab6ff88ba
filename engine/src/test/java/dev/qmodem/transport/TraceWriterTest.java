package dev.qmodem.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.transport.TraceWriter.Direction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class TraceWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:41:02.123456Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final TraceWriter trace = new TraceWriter(file, CLOCK);

    private void record(Direction direction, String text) {
        byte[] bytes = text.getBytes(US_ASCII);
        trace.record(direction, bytes, 0, bytes.length);
    }

    @Test
    void writesOneTimestampedLinePerChunkWithControlBytesNamed() {
        record(Direction.FROM_HOST, "AT+QFTPOPEN=\"h\",21\r");
        record(Direction.TO_HOST, "\r\nOK\r\n");
        record(Direction.TO_HOST, "a\tb");

        assertThat(file.toString(US_ASCII)).isEqualTo("""
                2026-11-23T09:41:02.123456Z host> AT+QFTPOPEN="h",21<CR>
                2026-11-23T09:41:02.123456Z module< <CR><LF>OK<CR><LF>
                2026-11-23T09:41:02.123456Z module< a<TAB>b
                """);
    }

    @Test
    void writesBinaryBytesAndTheAngleBracketInHex() {
        byte[] data = {0x00, '<', 'A', 0x1a, 0x7f, (byte) 0x80, (byte) 0xff};
        trace.record(Direction.FROM_HOST, data, 0, data.length);

        assertThat(file.toString(US_ASCII))
                .isEqualTo("2026-11-23T09:41:02.123456Z host> <00><3c>A<1a><7f><80><ff>\n");
    }

    @Test
    void recordsOnlyTheGivenRangeAndSkipsEmptyChunks() {
        byte[] data = "xxOKxx".getBytes(US_ASCII);
        trace.record(Direction.TO_HOST, data, 2, 2);
        trace.record(Direction.TO_HOST, data, 0, 0);

        assertThat(file.toString(US_ASCII)).isEqualTo("2026-11-23T09:41:02.123456Z module< OK\n");
    }

    @Test
    void keepsRecordsWholeWhenBothDirectionsWriteAtOnce() throws Exception {
        Runnable host = () -> {
            for (int i = 0; i < 500; i++) {
                record(Direction.FROM_HOST, "AT\r");
            }
        };
        Runnable module = () -> {
            for (int i = 0; i < 500; i++) {
                record(Direction.TO_HOST, "\r\nOK\r\n");
            }
        };
        Thread a = Thread.ofPlatform().start(host);
        Thread b = Thread.ofPlatform().start(module);
        a.join();
        b.join();

        assertThat(file.toString(US_ASCII).lines())
                .hasSize(1000)
                .allMatch(line -> line.matches("\\S+Z (host> AT<CR>|module< <CR><LF>OK<CR><LF>)"));
    }

    @Test
    void tracingLinkRecordsBothDirectionsOfAHostSession() throws Exception {
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        CountDownLatch sessionOver = new CountDownLatch(1);
        AtomicReference<byte[]> command = new AtomicReference<>();
        try (StdioTransport transport = new StdioTransport(new ByteArrayInputStream("AT\r".getBytes(US_ASCII)), host)) {
            transport.start(TracingHostLink.tracing(link -> {
                try {
                    command.set(link.input().readNBytes(3));
                    link.output().write("\r\nOK\r\n".getBytes(US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                sessionOver.countDown();
            }, trace));
            assertThat(sessionOver.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(command.get()).isEqualTo("AT\r".getBytes(US_ASCII));
        assertThat(host.toString(US_ASCII)).isEqualTo("\r\nOK\r\n");
        assertThat(file.toString(US_ASCII)).isEqualTo("""
                2026-11-23T09:41:02.123456Z host> AT<CR>
                2026-11-23T09:41:02.123456Z module< <CR><LF>OK<CR><LF>
                """);
    }

    @Test
    void openTruncatesTheFileAndStampsWallClockTime(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("trace.log"), "old run\n");
        try (TraceWriter fileTrace = TraceWriter.open(path)) {
            fileTrace.record(Direction.FROM_HOST, new byte[] {'A', 'T', '\r'}, 0, 3);
        }
        assertThat(Files.readString(path, US_ASCII))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z host> AT<CR>\n");
    }
}
