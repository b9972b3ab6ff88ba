package dev.qmodem.at;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineDecoderTest {

    private final AtSettings settings = new AtSettings(new AtSettings.Defaults(true, true, false, 13, 10, 8, 50, 1, 1, 115200));

    /** Feeds the input in pieces of the given size and records the events as text. */
    private List<String> decode(String input, int piece, int maxLength) {
        LineDecoder decoder = new LineDecoder(settings, maxLength);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        List<String> events = new ArrayList<>();
        for (int start = 0; start < bytes.length; start += piece) {
            int end = Math.min(bytes.length, start + piece);
            int off = start;
            while (off < end) {
                off += decoder.feed(bytes, off, end - off);
                switch (decoder.event()) {
                    case LINE -> events.add("line:" + decoder.takeLine());
                    case OVERLONG -> events.add("overlong");
                    case REPEAT -> events.add("repeat");
                    case NONE -> { }
                }
            }
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void sameEventsWhateverTheSplit(int piece) {
        String input = "AT\r\nATI\rAT+CMEE=2;+QIACT?\r\nA/AT+X\bY\r\n\n\r";
        assertThat(decode(input, piece, 1024)).containsExactly(
                "line:AT", "line:ATI", "line:AT+CMEE=2;+QIACT?", "repeat", "line:AT+Y", "line:");
    }

    @Test
    void lineAtTheLimitPassesAndOneByteMoreIsReportedOnceAfterItsTerminator() {
        String atLimit = "A".repeat(8);
        assertThat(decode(atLimit + "\r", 1, 8)).containsExactly("line:" + atLimit);
        assertThat(decode(atLimit + "B" + "junk\rAT\r", 3, 8)).containsExactly("overlong", "line:AT");
    }

    @Test
    void backspaceAtLineStartIsHarmless() {
        assertThat(decode("\b\bAT\r", 1, 16)).containsExactly("line:AT");
    }

    @Test
    void terminatorsFollowTheRegisters() {
        settings.register(3, '!');
        assertThat(decode("AT!ATI\r!", 1, 16)).containsExactly("line:AT", "line:ATI\r");
    }
}
