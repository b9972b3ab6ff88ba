package dev.qmodem.module;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads and file descriptors do not grow with use: 1,000 FTP sessions (open, a listing, close) and 10,000 AT
 * round trips leave the process with what it had after the first few (issue 12 item 8).
 */
@EnabledOnOs(OS.LINUX)
class LeakGuardTest {

    private static final int SESSIONS = 1_000;
    private static final int ROUND_TRIPS = 10_000;
    private static final int SLACK = 8;

    @TempDir
    Path work;

    @Test
    @Timeout(180)
    void threadsAndFileDescriptorsStayFlat() throws Exception {
        Path root = Files.createDirectories(work.resolve("server"));
        Files.writeString(root.resolve("a.txt"), "a");
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).tls(false).start();
             RunningModule modem = RunningModule.start(new ModuleConfig(Model.BG95,
                     Files.createDirectories(work.resolve("ufs")), new Properties(), Map.of()));
             HostConnection host = modem.connect()) {
            at(host, "ATE0", "ATE0\r\r\nOK\r\n");
            at(host, "AT+QIACT=1", "\r\nOK\r\n");
            at(host, "AT+QFTPCFG=\"account\",\"" + server.user() + "\",\"" + server.password() + "\"", "\r\nOK\r\n");
            String open = "AT+QFTPOPEN=\"127.0.0.1\"," + server.port();
            for (int i = 0; i < 5; i++) {
                session(host, open);
            }
            long threads = threads();
            long files = openFiles();

            for (int i = 0; i < SESSIONS; i++) {
                session(host, open);
            }
            for (int i = 0; i < ROUND_TRIPS; i++) {
                at(host, "AT", "\r\nOK\r\n");
            }

            awaitAtMost(threads + SLACK, LeakGuardTest::threads);
            awaitAtMost(files + SLACK, LeakGuardTest::openFiles);
            assertThat(threads()).as("threads").isLessThanOrEqualTo(threads + SLACK);
            assertThat(openFiles()).as("file descriptors").isLessThanOrEqualTo(files + SLACK);
        }
    }

    private static void session(HostConnection host, String open) throws Exception {
        at(host, open, "\r\nOK\r\n\r\n+QFTPOPEN: 0,0\r\n");
        at(host, "AT+QFTPNLST=\".\"", "\r\nCONNECT\r\na.txt\r\n\r\nOK\r\n\r\n+QFTPNLST: 0,7\r\n");
        at(host, "AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
    }

    private static void at(HostConnection host, String line, String expected) throws Exception {
        host.command(line);
        assertThat(Escapes.show(host.read(expected.length()))).isEqualTo(Escapes.show(expected));
    }

    /** Closed sockets and ended threads go away a little after the work: wait for that, up to a bound. */
    private static void awaitAtMost(long bound, java.util.function.LongSupplier count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count.getAsLong() > bound && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    private static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFiles() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }
}
