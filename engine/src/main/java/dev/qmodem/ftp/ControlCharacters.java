package dev.qmodem.ftp;

/**
 * Control characters (below 0x20, and DEL 0x7F): what must never travel from an AT parameter into an FTP command
 * (a CR LF would end the command and start another), nor from a server's reply into a result line (a lone LF
 * would let the server write lines of its own to the host).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first control character in {@code text}, or -1. */
    public static int find(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code text} fit for one result line, also inside a quoted field: each control character becomes {@code \HH}
     * (two upper-case hex digits) as in an AT string parameter, and so do {@code "} and {@code \}, so the host can
     * undo it exactly.
     */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\\' || c == '"') {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }
}
