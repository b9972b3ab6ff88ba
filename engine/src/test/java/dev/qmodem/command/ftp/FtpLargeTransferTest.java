package dev.qmodem.command.ftp;

import dev.qmodem.command.ftp.FtpRig.Server;
import dev.qmodem.module.HostConnection;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory flat in file size (DESIGN.md bars): GET and PUT through {@code COM:} against vsftpd of 32 MiB and 256 MiB,
 * the test host streaming both ways without holding the file. The module runs in this JVM, so its heap is this
 * JVM's heap: live heap (after {@code System.gc()}) is measured before each transfer and sampled during it, and the
 * peak growth must stay under {@value #MAX_GROWTH_MIB} MiB and not grow with the file.
 * <p>
 * {@code -Dqmodem.bigTransfers=true} adds a 1 GiB round (about a minute more, and 1 GiB of temporary disk).
 */
class FtpLargeTransferTest {

    private static final long MIB = 1024 * 1024;
    private static final int MAX_GROWTH_MIB = 64;
    /** How much more the largest transfer may grow the heap than the smallest: noise, not a function of size. */
    private static final long SIZE_INDEPENDENCE_SLACK = 16 * MIB;
    private static final int CHUNK = 64 * 1024;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void heapStaysFlatWhateverTheFileSize(@TempDir Path work) throws Exception {
        List<Long> sizes = new ArrayList<>(List.of(32 * MIB, 256 * MIB));
        if (Boolean.getBoolean("qmodem.bigTransfers")) {
            sizes.add(1024 * MIB);
        }
        Map<String, Long> growth = new LinkedHashMap<>();
        try (FtpRig rig = FtpRig.start(Server.VSFTPD, Model.BG95, work)) {
            rig.login(1);
            for (long size : sizes) {
                Path served = rig.placeStreamed("down.bin", size);
                growth.put("GET " + size / MIB + " MiB", peakHeapGrowth(() -> download(rig, size)));
                Files.delete(served);

                growth.put("PUT " + size / MIB + " MiB", peakHeapGrowth(() -> upload(rig, size)));
                Path stored = rig.serverRoot().resolve("up.bin");
                assertThat(Payloads.fileHolds(stored, size)).as("uploaded %d bytes", size).isTrue();
                Files.delete(stored);
            }
        }
        System.out.println("peak live heap growth: " + growth.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() / 1024 + " KiB").toList());
        assertThat(growth.values()).allSatisfy(g -> assertThat(g).isLessThan(MAX_GROWTH_MIB * MIB));
        long smallest = Math.max(growth.get("GET 32 MiB"), growth.get("PUT 32 MiB"));
        long largest = growth.entrySet().stream().filter(e -> !e.getKey().endsWith(" 32 MiB"))
                .mapToLong(Map.Entry::getValue).max().orElseThrow();
        assertThat(largest).as("growth does not follow the size").isLessThan(smallest + SIZE_INDEPENDENCE_SLACK);
    }

    private static void download(FtpRig rig, long size) throws IOException {
        rig.at("AT+QFTPGET=\"down.bin\",\"COM:\"", "\r\nCONNECT\r\n");
        HostConnection host = rig.host();
        for (long done = 0; done < size; ) {
            int n = (int) Math.min(CHUNK, size - done);
            byte[] got = host.read(n);
            int at = Arrays.mismatch(got, Payloads.bytes(done, n));
            assertThat(at).as("first differing byte after %d", done).isEqualTo(-1);
            done += n;
        }
        rig.expect("\r\nOK\r\n\r\n+QFTPGET: 0," + size + "\r\n");
    }

    private static void upload(FtpRig rig, long size) throws IOException {
        rig.at("AT+QFTPPUT=\"up.bin\",\"COM:\",0," + size + ",1", "\r\nCONNECT\r\n");
        HostConnection host = rig.host();
        Payloads.write(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                host.send(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                host.send(off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len));
            }
        }, size);
        rig.expect("\r\nOK\r\n\r\n+QFTPPUT: 0," + size + "\r\n");
    }

    @FunctionalInterface
    private interface DownloadConnection {
        void run() throws IOException;
    }

    /** The highest live heap (sampled after a GC every 100 ms) during {@code transfer}, above the live heap before. */
    private static long peakHeapGrowth(DownloadConnection transfer) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(Duration.ofMillis(100));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            transfer.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return peak.get() - baseline;
    }
}
