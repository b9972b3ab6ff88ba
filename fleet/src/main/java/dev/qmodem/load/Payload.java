package dev.qmodem.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The bytes a {@code put} step sends for a file: a pseudo-random stream seeded by the file's name, so every upload
 * is distinct and anyone who knows the name can check a copy byte for byte without having kept the original.
 * Streams in fixed chunks; a file is never held whole.
 */
public final class Payload {

    private static final int CHUNK = 8192;

    private final SplittableRandom random;
    private final byte[] chunk = new byte[CHUNK];
    private int position = CHUNK;

    private Payload(String name) {
        long seed = 1125899906842597L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            seed = 31 * seed + b;
        }
        this.random = new SplittableRandom(seed);
    }

    /** The payload of the file called {@code name}, from its first byte. */
    public static Payload of(String name) {
        return new Payload(name);
    }

    /** Writes the next {@code length} bytes to {@code out}. */
    public void writeTo(OutputStream out, long length) throws IOException {
        long left = length;
        while (left > 0) {
            refill();
            int n = (int) Math.min(left, CHUNK - position);
            out.write(chunk, position, n);
            position += n;
            left -= n;
        }
    }

    /** Whether the next {@code length} bytes equal {@code bytes[offset..offset+length)}, consuming them. */
    public boolean matches(byte[] bytes, int offset, int length) {
        int done = 0;
        boolean same = true;
        while (done < length) {
            refill();
            int n = Math.min(length - done, CHUNK - position);
            same &= java.util.Arrays.equals(chunk, position, position + n, bytes, offset + done, offset + done + n);
            position += n;
            done += n;
        }
        return same;
    }

    private void refill() {
        if (position == CHUNK) {
            random.nextBytes(chunk);
            position = 0;
        }
    }

    /** Whether {@code file} holds exactly {@code size} bytes of the payload of {@code name}. */
    public static boolean matches(Path file, String name, long size) throws IOException {
        if (Files.size(file) != size) {
            return false;
        }
        Payload expected = of(name);
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!expected.matches(buffer, 0, n)) {
                    return false;
                }
            }
        }
        return true;
    }
}
