package dev.qmodem.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;

/**
 * What every module measured for one step: how often it ran, its latencies (successful or not) in an HdrHistogram
 * of microseconds, and its failures by {@code <err>} ({@code 609}, {@code ERROR}, {@code timeout}, {@code content},
 * ...). Thread-safe.
 */
final class StepStats {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final String phase;
    private final String name;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder count = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    StepStats(String phase, String name) {
        this.phase = phase;
        this.name = name;
    }

    void record(long nanos, String error) {
        count.increment();
        latencies.recordValue(Math.min(MAX_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
        if (error != null) {
            errors.computeIfAbsent(error, e -> new LongAdder()).increment();
        }
    }

    /** Adds another run's figures of the same step, as {@link #encodedHistogram()} and the counts give them. */
    void add(long runs, Map<String, Long> failures, String encodedHistogram) throws DataFormatException {
        count.add(runs);
        failures.forEach((error, n) -> errors.computeIfAbsent(error, e -> new LongAdder()).add(n));
        latencies.add(Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(encodedHistogram)), 0));
    }

    String phase() {
        return phase;
    }

    String name() {
        return name;
    }

    long count() {
        return count.sum();
    }

    long failures() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failures by {@code <err>}, in key order. */
    Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    /** The latency at {@code percentile} (0-100) in milliseconds. */
    double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    double meanMillis() {
        return latencies.getMean() / 1000.0;
    }

    /** The histogram compressed and in Base64, so reports of many shards can be merged exactly. */
    String encodedHistogram() {
        Histogram copy = latencies.copy();
        ByteBuffer buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
        int length = copy.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }
}
