package dev.qmodem.command.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The binary test payload, a function of the byte position so any part of a file of any size can be made or checked
 * without holding the file: blocks of every byte value 0-255 (rotated per block, so a shifted copy does not match)
 * followed by the AT text a sloppy data mode would act on, {@code \r\nOK\r\n} and {@code +++}.
 */
final class Payloads {

    private static final byte[] MARKER = "\r\nOK\r\n+++".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BLOCK = 256 + MARKER.length;
    private static final int CHUNK = 64 * 1024;

    private Payloads() {
    }

    static byte at(long position) {
        long block = position / BLOCK;
        int index = (int) (position % BLOCK);
        return index < 256 ? (byte) (index + block * 7) : MARKER[index - 256];
    }

    /** Bytes {@code [offset, offset + length)} of the payload. */
    static byte[] bytes(long offset, int length) {
        byte[] bytes = new byte[length];
        fill(bytes, offset, length);
        return bytes;
    }

    private static void fill(byte[] buffer, long offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[i] = at(offset + i);
        }
    }

    /** Writes the first {@code size} bytes in chunks through one small buffer. */
    static void write(OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[CHUNK];
        for (long done = 0; done < size; ) {
            int n = (int) Math.min(CHUNK, size - done);
            fill(buffer, done, n);
            out.write(buffer, 0, n);
            done += n;
        }
    }

    /** Reads {@code size} bytes and checks they are the payload from {@code offset}; returns the first mismatch or -1. */
    static long mismatch(InputStream in, long offset, long size) throws IOException {
        byte[] got = new byte[CHUNK];
        byte[] want = new byte[CHUNK];
        for (long done = 0; done < size; ) {
            int n = in.readNBytes(got, 0, (int) Math.min(CHUNK, size - done));
            if (n == 0) {
                return done;
            }
            fill(want, offset + done, n);
            int at = Arrays.mismatch(got, 0, n, want, 0, n);
            if (at >= 0) {
                return done + at;
            }
            done += n;
        }
        return -1;
    }

    /** Whether the file holds exactly the first {@code size} bytes of the payload. */
    static boolean fileHolds(Path file, long size) throws IOException {
        if (Files.size(file) != size) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return mismatch(in, 0, size) < 0;
        }
    }
}
