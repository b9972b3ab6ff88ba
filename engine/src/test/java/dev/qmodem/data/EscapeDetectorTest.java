package dev.qmodem.data;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The +++ rule on a virtual clock: guard (1 s here) before, three plus signs within it, guard after. */
class EscapeDetectorTest {

    private static final long SECOND = 1_000_000_000L;
    private final EscapeDetector detector = new EscapeDetector(SECOND, 0);

    private void feed(String text, long at) {
        detector.onInput(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), at);
    }

    @Test
    void escapeAfterSilenceBeforeAndAfter() {
        feed("+++", 2 * SECOND);
        assertThat(detector.chunkHeld()).isTrue();
        assertThat(detector.escapeDeadline()).isEqualTo(3 * SECOND);
        assertThat(detector.escapeDue(3 * SECOND - 1)).isFalse();
        assertThat(detector.escapeDue(3 * SECOND)).isTrue();
    }

    @Test
    void plusesOneByOneWithinTheGuardCount() {
        feed("+", 2 * SECOND);
        feed("+", 2 * SECOND + 100);
        feed("+", 2 * SECOND + 200);
        assertThat(detector.escapeDue(3 * SECOND + 200)).isTrue();
    }

    @Test
    void plusesRightAfterDataAreData() {
        feed("abc", SECOND);
        feed("+++", SECOND + 10);
        assertThat(detector.chunkHeld()).isFalse();
        assertThat(detector.escapeDeadline()).isEqualTo(-1);
    }

    @Test
    void dataRightAfterThePlusesReleasesThemAsData() {
        feed("+++", 2 * SECOND);
        feed("x", 2 * SECOND + 10);
        assertThat(detector.releasedPluses()).isEqualTo(3);
        assertThat(detector.chunkHeld()).isFalse();
        assertThat(detector.escapeDue(10 * SECOND)).isFalse();
    }

    @Test
    void plusesInsideALargerReadAreData() {
        feed("+++x", 2 * SECOND);
        assertThat(detector.chunkHeld()).isFalse();
        feed("++++", 4 * SECOND);
        assertThat(detector.chunkHeld()).isFalse();
    }

    @Test
    void slowPlusesAreDataAndANewEscapeCanFollow() {
        feed("+", 2 * SECOND);
        feed("++", 4 * SECOND);
        assertThat(detector.releasedPluses()).isEqualTo(1);
        assertThat(detector.chunkHeld()).isTrue();
        feed("+", 4 * SECOND + 5);
        assertThat(detector.escapeDue(5 * SECOND + 5)).isTrue();
    }
}
