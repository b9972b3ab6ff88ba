package dev.qmodem.module;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The escape notation of golden files: {@code \r}, {@code \n}, {@code \\}, {@code \xHH}; everything else literal. */
public final class Escapes {

    private Escapes() {
    }

    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.write(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + next + " in " + text);
            }
        }
        return out.toByteArray();
    }

    public static String show(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            switch (v) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (v >= 0x20 && v < 0x7f) {
                        text.append((char) v);
                    } else {
                        text.append(String.format("\\x%02x", v));
                    }
                }
            }
        }
        return text.toString();
    }

    public static String show(String text) {
        return show(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
