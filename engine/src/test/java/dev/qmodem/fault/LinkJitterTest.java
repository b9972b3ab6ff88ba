package dev.qmodem.fault;

import dev.qmodem.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link jitter is drawn from the module's seed, once per burst, each direction of each shaped connection from its
 * own split of the seeded source: the same seed gives the same delays, run after run.
 */
@Timeout(10)
class LinkJitterTest {

    private static final long LATENCY = TimeUnit.MILLISECONDS.toNanos(75);
    private static final long JITTER = TimeUnit.MILLISECONDS.toNanos(25);

    /** The delay before each of five bursts, both directions of three connections, as ShapedSocket makes them. */
    private static List<Long> burstDelays(Faults faults) {
        VirtualClock clock = new VirtualClock();
        List<Long> delays = new ArrayList<>();
        for (int connection = 0; connection < 3; connection++) {
            Pacer down = new Pacer(clock, faults.linkJitter());
            Pacer up = new Pacer(clock, faults.linkJitter());
            for (int burst = 0; burst < 5; burst++) {
                for (Pacer direction : List.of(down, up)) {
                    long start = clock.nanoTime();
                    long firstChunk = direction.schedule(512, 37_500, LATENCY, JITTER);
                    long nextChunk = direction.schedule(512, 37_500, LATENCY, JITTER);
                    assertThat(nextChunk - firstChunk).as("a burst that goes on waits no latency")
                            .isEqualTo(512 * 1_000_000_000L / 37_500);
                    delays.add(firstChunk - start - 512 * 1_000_000_000L / 37_500);
                    clock.advance(1, TimeUnit.SECONDS);
                }
            }
        }
        return delays;
    }

    private static Faults seeded(long seed) {
        Faults faults = new Faults();
        faults.seed(seed);
        return faults;
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        List<Long> first = burstDelays(seeded(42));
        assertThat(burstDelays(seeded(42))).isEqualTo(first);
        assertThat(burstDelays(seeded(43))).isNotEqualTo(first);
        assertThat(first).allSatisfy(d -> assertThat(d).isBetween(LATENCY, LATENCY + JITTER));
        assertThat(first.stream().distinct().count()).as("jitter varies").isGreaterThan(10);
    }

    @Test
    void seedingAgainStartsTheSequenceOver() {
        Faults faults = seeded(7);
        List<Long> first = burstDelays(faults);
        faults.seed(7);
        assertThat(burstDelays(faults)).isEqualTo(first);
    }

    @Test
    void aModuleWithoutAScenarioHasASeedOfItsOwn() {
        assertThat(new Faults().seed()).isNotEqualTo(new Faults().seed());
    }
}
