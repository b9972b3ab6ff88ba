package dev.qmodem.module;

import dev.qmodem.data.Pump;
import dev.qmodem.fault.Fault;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.ForwardingChannel;
import dev.qmodem.transport.TcpTransport;
import dev.qmodem.transport.TraceSink;
import dev.qmodem.transport.TraceWriter.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TCP host's bytes through its socket channel (issue 16): read a few KiB at a time into the heap while the host
 * is in command mode, 256 KiB at a time into a direct buffer only while an upload takes them, and back to the small
 * buffer once it is over; the upload's bytes arrive intact, the trace sees them while it records, and a fault set on
 * the link still acts on a download that goes out through the channel.
 */
@Timeout(60)
class HostReadBuffersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int UPLOAD = 3 * 1024 * 1024;

    @TempDir
    Path ufs;

    /** One read the module's reader made: how much it offered, and whether into a direct buffer. */
    private record Read(int offered, boolean direct) {
    }

    private final List<Read> reads = new CopyOnWriteArrayList<>();

    @Test
    void idleHostsReadSmallHeapBuffersAndUploadsABigDirectOne() throws Exception {
        byte[] content = new byte[UPLOAD];
        new Random(16).nextBytes(content);
        AtomicLong traced = new AtomicLong();
        TraceSink countingTrace = (direction, bytes, offset, length) -> {
            if (direction == Direction.FROM_HOST) {
                traced.addAndGet(length);
            }
        };
        try (EmulatedModule modem = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs));
             TcpTransport tcp = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), modem.clock())) {
            tcp.start(link -> modem.serve(link.with(link.input(), link.output(), new Observed(link.channel()))));
            try (HostConnection host = new HostConnection("127.0.0.1", tcp.port(), (sent, wait) -> { })) {
                host.command("ATE0");
                host.readUntil("OK\r\n", WAIT);
                assertThat(reads).isNotEmpty().allSatisfy(HostReadBuffersTest::small);

                modem.trace().add(countingTrace);
                host.command("AT+QFUPL=\"big.bin\"," + UPLOAD + ",10");
                host.readUntil("CONNECT\r\n", WAIT);
                int before = reads.size();
                host.send(content);
                host.readUntil("+QFUPL: " + UPLOAD + ",", WAIT);
                host.readUntil("OK\r\n", WAIT);
                modem.trace().remove(countingTrace);
                assertThat(readsSince(before)).contains(new Read(Pump.BUFFER, true));
                assertThat(Files.readAllBytes(ufs.resolve("big.bin"))).isEqualTo(content);
                assertThat(traced.get()).isGreaterThanOrEqualTo(UPLOAD);

                host.command("AT");
                host.readUntil("OK\r\n", WAIT);
                // the read that took "AT" was issued as the upload ended, before the module answered it
                List<Read> sinceUpload = readsSince(before);
                int lastBig = sinceUpload.lastIndexOf(new Read(Pump.BUFFER, true));
                assertThat(sinceUpload.subList(lastBig + 1, sinceUpload.size())).isNotEmpty()
                        .allSatisfy(HostReadBuffersTest::small);

                // The slice fault cuts the download into pieces of at most 64 KiB, 10 ms apart, whatever the size of
                // data mode's own slices (16 to 256 KiB): 48 pieces, 470 ms at least (unfaulted: a few ms).
                modem.faults().add(new Fault.Slice(64 * 1024, 10));
                long start = System.nanoTime();
                host.command("AT+QFDWL=\"big.bin\"");
                host.readUntil("CONNECT\r\n", WAIT);
                assertThat(host.read(UPLOAD, WAIT)).isEqualTo(content);
                host.readUntil("OK\r\n", WAIT);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(450));
            }
        }
    }

    private List<Read> readsSince(int index) {
        List<Read> all = List.copyOf(reads);
        return all.subList(index, all.size());
    }

    private static void small(Read read) {
        assertThat(read.direct()).isFalse();
        assertThat(read.offered()).isLessThanOrEqualTo(4 * 1024);
    }

    /** The host's channel, noting every read the module makes on it. */
    private final class Observed extends ForwardingChannel {

        Observed(ByteChannel channel) {
            super(channel);
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            reads.add(new Read(target.remaining(), target.isDirect()));
            return channel.read(target);
        }
    }
}
