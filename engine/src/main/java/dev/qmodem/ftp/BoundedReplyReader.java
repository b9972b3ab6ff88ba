package dev.qmodem.ftp;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The control connection's characters on their way to Commons Net's line reader, with every reply bounded: a line
 * (up to CR LF) of at most {@link #MAX_LINE} characters, and a reply of at most {@link #MAX_LINES} lines and
 * {@link #MAX_REPLY} characters. It follows RFC 959's framing as the characters pass (a reply is one line, or
 * {@code ddd-} up to a line starting {@code ddd }), so memory stays bounded whatever the server sends. Past a limit
 * the characters read so far are delivered and the next read fails with {@link ReplyTooLongException}; the
 * reply's end can no longer be found, so the session must end.
 */
final class BoundedReplyReader extends FilterReader {

    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 1000;
    static final int MAX_REPLY = 64 * 1024;

    /** A reply broke a limit: the control connection cannot be trusted to find the next reply. */
    static final class ReplyTooLongException extends IOException {
        ReplyTooLongException(String message) {
            super(message);
        }
    }

    private final char[] lineStart = new char[4];
    private int lineLength;
    private int replyLines;
    private int replyChars;
    private boolean afterCr;
    /** The code of the multi-line reply being read ({@code ddd} of its {@code ddd-} line), or null. */
    private String multiLineCode;
    private String exceeded;

    BoundedReplyReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (exceeded != null) {
            throw new ReplyTooLongException(exceeded);
        }
        int n = in.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            exceeded = accept(buffer[offset + i]);
            if (exceeded != null) {
                return i > 0 ? i : failNow();
            }
        }
        return n;
    }

    private int failNow() throws ReplyTooLongException {
        throw new ReplyTooLongException(exceeded);
    }

    /** Takes one character; returns what limit it broke, or null. */
    private String accept(char c) {
        if (lineLength < lineStart.length) {
            lineStart[lineLength] = c;
        }
        lineLength++;
        replyChars++;
        boolean lineEnds = afterCr && c == '\n';
        afterCr = c == '\r';
        if (lineEnds) {
            return endLine();
        }
        if (lineLength > MAX_LINE) {
            return "reply line longer than " + MAX_LINE + " characters";
        }
        if (replyChars > MAX_REPLY) {
            return "reply longer than " + MAX_REPLY + " characters";
        }
        return null;
    }

    private String endLine() {
        boolean coded = lineLength >= 4 && Character.isDigit(lineStart[0]) && Character.isDigit(lineStart[1])
                && Character.isDigit(lineStart[2]);
        String code = coded ? new String(lineStart, 0, 3) : null;
        lineLength = 0;
        replyLines++;
        if (multiLineCode == null) {
            if (coded && lineStart[3] == '-') {
                multiLineCode = code;
            } else {
                endReply();
            }
        } else if (coded && lineStart[3] == ' ' && code.equals(multiLineCode)) {
            endReply();
        } else if (replyLines >= MAX_LINES) {
            return "reply of more than " + MAX_LINES + " lines";
        }
        return null;
    }

    private void endReply() {
        multiLineCode = null;
        replyLines = 0;
        replyChars = 0;
    }
}
