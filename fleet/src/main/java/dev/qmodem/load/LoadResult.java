package dev.qmodem.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of a finished run: per step count, errors by {@code <err>} and latency percentiles. */
public final class LoadResult {

    private final List<StepStats> steps;
    private final int modules;
    private final int devicesFailed;
    private final String shard;
    private final Instant startedAt;
    private final Duration elapsed;

    /** @param shard which part of the fleet: {@code i/N}, or what a merge covers */
    LoadResult(List<StepStats> steps, int modules, int devicesFailed, String shard, Instant startedAt, Duration elapsed) {
        this.steps = steps;
        this.modules = modules;
        this.devicesFailed = devicesFailed;
        this.shard = shard;
        this.startedAt = startedAt;
        this.elapsed = elapsed;
    }

    /**
     * One result from the reports of several shards (pods): counts and errors added, latency histograms merged, so
     * the percentiles are those of the whole fleet, not averages of percentiles.
     *
     * @throws IllegalArgumentException if the reports are not of the same workload (different steps) or lack a field
     */
    public static LoadResult merge(List<JsonNode> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no reports to merge");
        }
        List<StepStats> merged = new java.util.ArrayList<>();
        for (JsonNode step : reports.get(0).path("steps")) {
            merged.add(new StepStats(step.path("phase").asText("session"), step.path("name").asText()));
        }
        int modules = 0;
        int devicesFailed = 0;
        Instant started = null;
        long longest = 0;
        for (JsonNode report : reports) {
            JsonNode steps = report.path("steps");
            if (steps.size() != merged.size()) {
                throw new IllegalArgumentException("the reports have different steps: not the same workload");
            }
            for (int i = 0; i < merged.size(); i++) {
                JsonNode step = steps.get(i);
                StepStats into = merged.get(i);
                if (!step.path("name").asText().equals(into.name())) {
                    throw new IllegalArgumentException("step " + i + " is '" + step.path("name").asText() + "' in one "
                            + "report and '" + into.name() + "' in another");
                }
                Map<String, Long> errors = new java.util.TreeMap<>();
                step.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asLong()));
                try {
                    into.add(step.path("count").asLong(), errors, step.path("histogram").asText());
                } catch (java.util.zip.DataFormatException | RuntimeException e) {
                    throw new IllegalArgumentException("step '" + into.name() + "': the histogram cannot be read", e);
                }
            }
            modules += report.path("modules").asInt();
            devicesFailed += report.path("devices_failed").asInt();
            Instant start = Instant.parse(report.path("started").asText(Instant.EPOCH.toString()));
            started = started == null || start.isBefore(started) ? start : started;
            longest = Math.max(longest, report.path("duration_ms").asLong());
        }
        return new LoadResult(merged, modules, devicesFailed, "merged from " + reports.size() + " reports", started,
                Duration.ofMillis(longest));
    }

    /** True if any step failed anywhere or a device could not run (connect refused, link broken). */
    public boolean failed() {
        return devicesFailed > 0 || steps.stream().anyMatch(s -> s.failures() > 0);
    }

    /** The report as JSON: {@code {"steps":[{"name":...,"count":...,"errors":{...},"p50_ms":...}], ...}}. */
    public ObjectNode toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("shard", shard);
        root.put("modules", modules);
        root.put("devices_failed", devicesFailed);
        root.put("started", startedAt.toString());
        root.put("duration_ms", elapsed.toMillis());
        root.put("failed", failed());
        ArrayNode array = root.putArray("steps");
        for (StepStats step : steps) {
            ObjectNode node = array.addObject();
            node.put("name", step.name());
            node.put("phase", step.phase());
            node.put("count", step.count());
            ObjectNode errors = node.putObject("errors");
            step.errors().forEach(errors::put);
            node.put("mean_ms", round(step.meanMillis()));
            node.put("p50_ms", round(step.percentileMillis(50)));
            node.put("p95_ms", round(step.percentileMillis(95)));
            node.put("p99_ms", round(step.percentileMillis(99)));
            node.put("max_ms", round(step.maxMillis()));
            node.put("histogram", step.encodedHistogram());
        }
        return root;
    }

    /** Writes {@link #toJson()} to {@code file}, indented. */
    public void writeReport(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toJson());
    }

    /** A table of the steps, then one verdict line. */
    public void printSummary(PrintStream out) {
        int width = Math.max(20, steps.stream().mapToInt(s -> label(s).length()).max().orElse(0));
        width = Math.min(width, 60);
        out.printf("%-" + width + "s %8s %8s %9s %9s %9s %9s  %s%n", "step", "count", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors by <err>");
        for (StepStats step : steps) {
            String label = label(step);
            String name = label.length() > width ? label.substring(0, width - 1) + "…" : label;
            Map<String, Long> errors = step.errors();
            out.printf("%-" + width + "s %8d %8d %9.1f %9.1f %9.1f %9.1f  %s%n", name, step.count(), step.failures(),
                    step.percentileMillis(50), step.percentileMillis(95), step.percentileMillis(99), step.maxMillis(),
                    errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" ")));
        }
        out.printf("%s: %d modules (shard %s) in %.1f s%s%n", failed() ? "FAILED" : "passed", modules, shard,
                elapsed.toMillis() / 1000.0, devicesFailed > 0 ? ", " + devicesFailed + " could not run" : "");
    }

    /** Setup and recover steps say so; the session's are named as written. */
    private static String label(StepStats step) {
        return step.phase().equals("session") ? step.name() : step.phase() + ": " + step.name();
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
