package dev.qmodem.command.ftp;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.Escapes;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.module.RunningModule;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code +++} during a GET is honoured while the host does not read (issue 11 item 6): the module decides the
 * escape without waiting for the host, so once the host reads again it gets only the data already on its way
 * (socket buffers and one slice), then {@code OK}. A module that noticed the escape only once the host read
 * again would stream on at full speed for another guard time (S12, 1 s) before its {@code OK}.
 */
class EscapeWhileHostStallsTest {

    private static final long FILE_SIZE = 1L << 30;
    private static final long MAX_AFTER_ESCAPE = 16L << 20;
    private static final byte[] OK = "\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int GUARD_MS = 1000;

    @TempDir
    Path work;

    @Test
    @Timeout(60)
    void escapeTakesEffectWhileTheHostIsNotReading() throws Exception {
        Path root = Files.createDirectories(work.resolve("server"));
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(FILE_SIZE); // sparse zeros: no "\r\nOK\r\n" inside
        }
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).tls(false).start();
             RunningModule modem = RunningModule.start(new ModuleConfig(Model.BG95,
                     Files.createDirectories(work.resolve("ufs")), new Properties(), Map.of()));
             Socket host = new Socket()) {
            host.setReceiveBufferSize(64 * 1024);
            host.connect(new InetSocketAddress("127.0.0.1", modem.port()));
            InputStream in = host.getInputStream();
            OutputStream out = host.getOutputStream();
            at(in, out, "ATE0", "ATE0\r\r\nOK\r\n");
            at(in, out, "AT+QIACT=1", "\r\nOK\r\n");
            at(in, out, "AT+QFTPCFG=\"account\",\"" + server.user() + "\",\"" + server.password() + "\"",
                    "\r\nOK\r\n");
            at(in, out, "AT+QFTPOPEN=\"127.0.0.1\"," + server.port(), "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");
            at(in, out, "AT+QFTPGET=\"big.bin\",\"COM:\"", "\r\nCONNECT\r\n");

            // the host stops reading; once the module is stuck writing to it, the host escapes
            Thread.sleep(GUARD_MS * 3L / 2);
            send(out, "+++");
            Thread.sleep(GUARD_MS * 3L / 2);

            long before = readThroughOk(in);
            assertThat(before).as("data bytes the host still got after +++").isLessThan(MAX_AFTER_ESCAPE);
            at(in, out, "AT", "\r\nOK\r\n");
            send(out, "AT+QFTPCLOSE\r");
            String rest = new String(readThrough(in, "+QFTPCLOSE: 0,0\r\n"), StandardCharsets.ISO_8859_1);
            assertThat(rest).startsWith("\r\nOK\r\n");
        }
    }

    private static void at(InputStream in, OutputStream out, String line, String expected) throws IOException {
        send(out, line + "\r");
        byte[] seen = in.readNBytes(expected.length());
        assertThat(Escapes.show(seen)).isEqualTo(Escapes.show(expected));
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads zeros until {@code \r\nOK\r\n}; returns how many bytes came before it. */
    private static long readThroughOk(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        int matched = 0;
        while (true) {
            int n = in.read(buffer);
            assertThat(n).as("connection open").isPositive();
            for (int i = 0; i < n; i++) {
                matched = buffer[i] == OK[matched] ? matched + 1 : (buffer[i] == OK[0] ? 1 : 0);
                if (matched == OK.length) {
                    assertThat(Escapes.show(Arrays.copyOfRange(buffer, i + 1, n))).as("bytes after OK")
                            .isEmpty();
                    return count + i + 1 - OK.length;
                }
            }
            count += n;
        }
    }

    private static byte[] readThrough(InputStream in, String end) throws IOException {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            assertThat(b).as("connection open").isNotNegative();
            seen.write(b);
        }
        return seen.toByteArray();
    }
}
