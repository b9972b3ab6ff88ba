package dev.qmodem.command.ftp;

import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.HostileFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Floods that once exhausted the heap, run in a JVM of 128 MiB (the engine's {@code small-heap} surefire
 * execution): a greeting of endless {@code 220-} lines, one endless line, an endless line of lone LFs and CRs, and
 * an endless reply to PWD. Each fails its operation with 601 at once; the module stays usable and a new login
 * works; the heap stays far below its limit.
 */
@Timeout(120)
class SmallHeapFloodTest {

    private static final long HEAP_LIMIT = 128L * 1024 * 1024;
    private static final int ROUNDS = 5;

    @Test
    void floodsFailWith601AndLeaveTheModuleUsable(@TempDir Path work) throws Exception {
        // Named with -Dtest, the class also runs in the default execution's large heap, where it proves nothing.
        assumeTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT, "runs in the small-heap execution");
        List<HostileFtpServer.Script> floods = List.of(
                s -> s.flood("220-welcome, and welcome again"),
                s -> s.floodWithoutLineEnd("220 no end in sight "),
                s -> s.floodWithoutLineEnd("220-a\n\r"),
                HostileFtpServer.loggedIn((session, verb, argument) -> {
                        if (verb.equals("PWD")) {
                            session.flood("257-\"/\" and more");
                        }
                        return null;
                    }));
        AtomicInteger connection = new AtomicInteger();
        HostileFtpServer.Script script = s -> {
            int n = connection.getAndIncrement();
            if (n % 2 == 0) {
                floods.get(n / 2 % floods.size()).play(s);
            } else {
                HostileFtpServer.loggedIn((session, verb, argument) -> null).play(s);
            }
        };
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (HostileRig rig = HostileRig.start(Model.BG95, work, script)) {
            rig.configure(20);
            for (int round = 0; round < ROUNDS * floods.size(); round++) {
                if (round % floods.size() == 3) {
                    rig.open("0,0");
                    rig.at("AT+QFTPPWD", "\r\nOK\r\n\r\n+QFTPPWD: 601,0\r\n");
                } else {
                    rig.open("601,0");
                }
                rig.assertUsableAndClosed();
                rig.open("0,0");
                rig.at("AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
            }
            System.gc();
            assertThat(memory.getHeapMemoryUsage().getUsed()).isLessThan(HEAP_LIMIT / 2);
        }
    }
}
