package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.qmodem.load.Workload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests under deploy/kubernetes, checked offline: every document is a well-formed object, the Indexed Job
 * runs shard i of N with N equal to its completions, its arguments are ones {@code qmodem load} accepts, the
 * workload it mounts parses, and Prometheus finds the metrics port, where the control API listens.
 */
@Timeout(30)
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Path.of("..", "deploy", "kubernetes");
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();
    private static final List<String> FILES = new ArrayList<>();

    @BeforeAll
    static void readManifests() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                FILES.add(file.getFileName().toString());
                JsonNode document = yaml.readTree(file.toFile());
                assertThat(document.path("apiVersion").asText()).as(file + " apiVersion").isNotEmpty();
                assertThat(document.path("kind").asText()).as(file + " kind").isNotEmpty();
                BY_KIND.put(document.path("kind").asText(), document);
            }
        }
    }

    @Test
    void everyObjectHasANameAndTheKustomizationListsThemAll() {
        JsonNode kustomization = BY_KIND.get("Kustomization");
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                FILES.stream().filter(f -> !f.equals("kustomization.yaml")).toList());
        BY_KIND.forEach((kind, document) -> {
            if (!kind.equals("Kustomization")) {
                assertThat(document.path("metadata").path("name").asText()).as(kind + " name").isNotEmpty();
            }
        });
    }

    @Test
    void podIRunsShardIOfN() {
        JsonNode job = BY_KIND.get("Job");
        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        int completions = spec.path("completions").asInt();
        assertThat(spec.path("parallelism").asInt()).isEqualTo(completions);
        JsonNode pod = spec.path("template").path("spec");
        assertThat(pod.path("restartPolicy").asText()).isIn("Never", "OnFailure");
        JsonNode container = pod.path("containers").get(0);
        JsonNode shardEnv = find(container.path("env"), "name", "SHARD");
        assertThat(shardEnv.path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args.get(0)).isEqualTo("load");
        assertThat(args.get(args.indexOf("--shard") + 1)).isEqualTo("$(SHARD)/" + completions);

        // what the kubelet runs for pod 7, as qmodem parses it
        CommandLine.ParseResult parsed = QModemCommand.commandLine().parseArgs(argumentsOfPod(container, 7));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("load");
        assertThat(parsed.subcommand().matchedOptionValue("--shard", "")).isEqualTo("7/" + completions);
    }

    @Test
    void theMountedWorkloadParsesAndSplitsAcrossThePods() throws IOException {
        JsonNode job = BY_KIND.get("Job");
        JsonNode pod = job.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        String workloadPath = container.path("args").get(1).asText();
        JsonNode mount = find(container.path("volumeMounts"), "name", "workload");
        assertThat(workloadPath).startsWith(mount.path("mountPath").asText() + "/");
        JsonNode volume = find(pod.path("volumes"), "name", "workload");
        JsonNode configMap = BY_KIND.get("ConfigMap");
        assertThat(volume.path("configMap").path("name").asText()).isEqualTo(configMap.path("metadata").path("name").asText());
        String key = workloadPath.substring(workloadPath.lastIndexOf('/') + 1);
        Workload workload = Workload.parse(configMap.path("data").path(key).asText());
        assertThat(workload.count()).isGreaterThanOrEqualTo(job.path("spec").path("completions").asInt());
        assertThat(workload.server()).as("pods load a real back end, not their own embedded server").isNotNull();

        JsonNode reports = find(pod.path("volumes"), "name", "reports");
        assertThat(reports.path("persistentVolumeClaim").path("claimName").asText())
                .isEqualTo(BY_KIND.get("PersistentVolumeClaim").path("metadata").path("name").asText());
    }

    @Test
    void prometheusScrapesTheMetricsPortOfEveryPod() {
        JsonNode template = BY_KIND.get("Job").path("spec").path("template");
        JsonNode annotations = template.path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
        JsonNode container = template.path("spec").path("containers").get(0);
        JsonNode port = find(container.path("ports"), "name", "metrics");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(port.path("containerPort").asText());

        // the control API, which serves /metrics, listens on the pod's address at that port, as qmodem parses it
        CommandLine.ParseResult load = QModemCommand.commandLine().parseArgs(argumentsOfPod(container, 7))
                .subcommand();
        assertThat(load.matchedOptionValue("--control", "")).isEqualTo("0.0.0.0:" + port.path("containerPort").asText());
        assertThat(load.hasMatchedOption("--control-remote")).as("a pod address is not loopback").isTrue();
        assertThat(load.hasMatchedOption("--no-control")).isFalse();

        JsonNode monitor = BY_KIND.get("PodMonitor");
        assertThat(monitor.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(template.path("metadata").path("labels"));
        assertThat(monitor.path("spec").path("podMetricsEndpoints").get(0).path("port").asText()).isEqualTo("metrics");
    }

    /** What the kubelet runs for pod {@code index}: the container's arguments with its completion index. */
    private static String[] argumentsOfPod(JsonNode container, int index) {
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText().replace("$(SHARD)", Integer.toString(index))));
        return args.toArray(String[]::new);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + list);
    }
}
