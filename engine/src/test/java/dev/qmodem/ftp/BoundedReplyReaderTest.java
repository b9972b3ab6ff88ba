package dev.qmodem.ftp;

import org.apache.commons.net.io.CRLFLineReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reply limits, read the way Commons Net reads them (CRLF lines), whole and one character at a time. */
@Timeout(10)
class BoundedReplyReaderTest {

    private static List<String> lines(String wire, boolean oneCharAtATime) throws IOException {
        Reader source = new StringReader(wire);
        Reader trickle = new FilterReader(source) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, oneCharAtATime ? Math.min(1, length) : length);
            }
        };
        BoundedReplyReader bounded = new BoundedReplyReader(trickle);
        List<String> lines = new ArrayList<>();
        try (CRLFLineReader reader = new CRLFLineReader(bounded)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String multiLine(int lines) {
        return "220-first\r\n" + "220-more\r\n".repeat(lines - 2) + "220 last\r\n";
    }

    @Test
    void repliesWithinTheLimitsPass() throws IOException {
        for (boolean slow : new boolean[] {false, true}) {
            assertThat(lines(multiLine(BoundedReplyReader.MAX_LINES), slow)).hasSize(BoundedReplyReader.MAX_LINES);
            assertThat(lines("200 " + "x".repeat(BoundedReplyReader.MAX_LINE - 6) + "\r\n", slow)).hasSize(1);
            assertThat(lines("200 ok\r\n".repeat(5000), slow)).hasSize(5000);
            assertThat(lines("257 \"/a\nb\rc\" made\r\n", slow)).containsExactly("257 \"/a\nb\rc\" made");
        }
    }

    @Test
    void aReplyOfTooManyLinesFails() {
        assertThatThrownBy(() -> lines(multiLine(BoundedReplyReader.MAX_LINES + 1), false))
                .isInstanceOf(BoundedReplyReader.ReplyTooLongException.class);
    }

    @Test
    void aLineTooLongFailsAlsoWhenLoneLineFeedsSplitIt() {
        assertThatThrownBy(() -> lines("200 " + "x".repeat(BoundedReplyReader.MAX_LINE) + "\r\n", true))
                .isInstanceOf(BoundedReplyReader.ReplyTooLongException.class);
        assertThatThrownBy(() -> lines("200 " + "ab\n".repeat(BoundedReplyReader.MAX_LINE) + "\r\n", false))
                .isInstanceOf(BoundedReplyReader.ReplyTooLongException.class);
    }

    @Test
    void aReplyTooLargeFails() {
        String wide = "220-" + "y".repeat(1000) + "\r\n";
        assertThatThrownBy(() -> lines(wide.repeat(70) + "220 end\r\n", false))
                .isInstanceOf(BoundedReplyReader.ReplyTooLongException.class);
    }

    @Test
    void anotherCodesSpaceLineDoesNotEndAMultiLineReply() {
        String endless = "220-a\r\n" + "221 not the end\r\n".repeat(BoundedReplyReader.MAX_LINES);
        assertThatThrownBy(() -> lines(endless, false)).isInstanceOf(BoundedReplyReader.ReplyTooLongException.class);
    }
}
