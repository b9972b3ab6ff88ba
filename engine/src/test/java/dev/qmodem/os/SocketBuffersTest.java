package dev.qmodem.os;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The buffer size is asked for only where the system's maximum allows all of it; else the kernel autotunes. */
class SocketBuffersTest {

    @TempDir
    Path dir;

    @Test
    void aMaximumThatAllowsTheWantedSizeGetsIt() throws IOException {
        assertThat(SocketBuffers.sizeUnder(Files.writeString(dir.resolve("rmem_max"), "33554432\n")))
                .isEqualTo(SocketBuffers.WANTED);
        assertThat(SocketBuffers.sizeUnder(Files.writeString(dir.resolve("wmem_max"), "4194304\n")))
                .isEqualTo(SocketBuffers.WANTED);
    }

    @Test
    void aStockMaximumLeavesTheBufferToTheKernel() throws IOException {
        assertThat(SocketBuffers.sizeUnder(Files.writeString(dir.resolve("rmem_max"), "212992\n"))).isZero();
    }

    @Test
    void theSystemsOwnMaximumIsReadWhole() throws IOException {
        Path maximum = Path.of("/proc/sys/net/core/rmem_max");
        assumeTrue(Files.isReadable(maximum), "a Linux /proc");
        long value = Long.parseLong(Files.readAllLines(maximum).getFirst().trim());
        int expected = value >= SocketBuffers.WANTED ? SocketBuffers.WANTED : 0;
        assertThat(SocketBuffers.sizeUnder(maximum)).isEqualTo(expected);
    }

    @Test
    void noMaximumToReadAsksForTheWantedSize() {
        assertThat(SocketBuffers.sizeUnder(dir.resolve("absent"))).isEqualTo(SocketBuffers.WANTED);
        assertThat(SocketBuffers.sizeUnder(dir)).isEqualTo(SocketBuffers.WANTED);
    }
}
