package dev.qmodem.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a recorded transfer spends its time: the CPU samples of a JFR recording ({@code jdk.ExecutionSample}, threads
 * running Java code) counted by top frame, by thread, and by the innermost qmodem frame, the same counts
 * {@code jfr print --events jdk.ExecutionSample} aggregated by hand gives. Threads inside a system call (a socket
 * write copying into the kernel) are not CPU samples in JFR; {@code jdk.NativeMethodSample} counts them, by top frame.
 * Run: {@code scripts/bench.sh profile [MiB]}, or this class with a {@code .jfr} file and how many lines to print.
 */
public final class JfrTopFrames {

    private JfrTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> qmodemFrames = new HashMap<>();
        Map<String, Integer> nativeFrames = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    frames.merge(name(stack.getFrames().getFirst()), 1, Integer::sum);
                    RecordedThread thread = event.getThread("sampledThread");
                    threads.merge(thread == null ? "?" : thread.getJavaName(), 1, Integer::sum);
                    qmodemFrames.merge(innermostQmodem(stack.getFrames()), 1, Integer::sum);
                } else if (type.equals("jdk.NativeMethodSample")) {
                    RecordedThread thread = event.getThread("sampledThread");
                    String name = thread == null ? "?" : thread.getJavaName();
                    if (name.startsWith("qmodem") && !name.equals("qmodem-tcp-accept")) {
                        nativeSamples++;
                        nativeFrames.merge(name + ": " + name(stack.getFrames().getFirst()) + " <- "
                                + innermostQmodem(stack.getFrames()), 1, Integer::sum);
                    }
                }
            }
        }
        print("CPU samples by top frame", frames, samples, top);
        print("CPU samples by thread", threads, samples, top);
        print("CPU samples by innermost qmodem frame", qmodemFrames, samples, top);
        print("module threads in native code (system calls or waiting): top frame <- innermost qmodem frame", nativeFrames,
                nativeSamples, top);
    }

    private static String innermostQmodem(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (method != null && method.getType().getName().startsWith("dev.qmodem.")
                    && !method.getType().getName().startsWith("dev.qmodem.bench.")) {
                return name(frame);
            }
        }
        return "(no qmodem frame)";
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "?";
        }
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("  %s (%d samples):%n", title, total);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
