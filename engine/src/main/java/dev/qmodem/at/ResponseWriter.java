package dev.qmodem.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames responses as V.250 says for the current settings. With ATV1: {@code <CR><LF>text<CR><LF>} for information
 * text, and {@code <CR><LF>OK<CR><LF>} for the result code; consecutive information lines share their separators
 * ({@code \r\nA\r\nB\r\n}). With ATV0: information text as {@code text<CR><LF>} and the result code as its number
 * followed by {@code <CR>}. ATQ1 suppresses result codes. {@code +CME ERROR} follows AT+CMEE (0: ERROR, 1: number,
 * 2: text). Characters are written one byte each (ISO-8859-1), so file names round-trip unchanged.
 */
public final class ResponseWriter {

    private final AtSettings settings;
    private final ErrorTexts errorTexts;

    public ResponseWriter(AtSettings settings, ErrorTexts errorTexts) {
        this.settings = settings;
        this.errorTexts = errorTexts;
    }

    /** The bytes of a whole response: information lines, final result, then the after-final lines. */
    public byte[] format(List<String> info, String finalLine, List<String> afterFinal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        boolean verbose = settings.verbose();
        if (!info.isEmpty()) {
            if (verbose) {
                crlf(out);
            }
            for (String line : info) {
                text(out, line);
                crlf(out);
            }
        }
        if (finalLine != null) {
            if (verbose) {
                crlf(out);
                text(out, finalLine);
                crlf(out);
            } else {
                text(out, finalLine);
                out.write('\r');
            }
        }
        for (String line : afterFinal) {
            appendUnsolicited(out, line);
        }
        return out.toByteArray();
    }

    /** The final result line for a code, or null under ATQ1. */
    public String resultLine(ResultCode code) {
        if (settings.quiet()) {
            return null;
        }
        return settings.verbose() ? code.text() : Integer.toString(code.number());
    }

    /** The final result line with text after the verbose code ({@code CONNECT 10}); numeric codes stay bare. */
    public String resultLine(ResultCode code, String detail) {
        String line = resultLine(code);
        return detail == null || line == null || !settings.verbose() ? line : line + " " + detail;
    }

    /** The final line for an error, following AT+CMEE; null under ATQ1. */
    public String errorLine(int cmeCode) {
        if (settings.quiet()) {
            return null;
        }
        if (cmeCode == AtException.PLAIN_ERROR || settings.cmee() == 0) {
            return resultLine(ResultCode.ERROR);
        }
        return settings.cmee() == 2 ? "+CME ERROR: " + errorTexts.text(cmeCode) : "+CME ERROR: " + cmeCode;
    }

    /** An unsolicited result code: {@code <CR><LF>text<CR><LF>}, or {@code text<CR><LF>} under ATV0. */
    public byte[] unsolicited(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length() + 4);
        appendUnsolicited(out, line);
        return out.toByteArray();
    }

    private void appendUnsolicited(ByteArrayOutputStream out, String line) {
        if (settings.verbose()) {
            crlf(out);
        }
        text(out, line);
        crlf(out);
    }

    private static void text(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void crlf(ByteArrayOutputStream out) {
        out.write('\r');
        out.write('\n');
    }
}
