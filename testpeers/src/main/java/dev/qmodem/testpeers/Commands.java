package dev.qmodem.testpeers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short administrative command (useradd, chpasswd, pure-pw) to completion. */
final class Commands {

    private static final long LIMIT_SECONDS = 30;

    private Commands() {
    }

    /** Runs {@code command} with {@code input} (may be null) on its stdin and returns its exit code. */
    static int run(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        }
        return process.exitValue();
    }

    static void check(int exitCode, String what) throws IOException {
        if (exitCode != 0) {
            throw new IOException(what + " failed with exit code " + exitCode);
        }
    }
}
