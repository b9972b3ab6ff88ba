package dev.qmodem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code qmodem ctl}: a thin client of a running module's control API (docs/faults.md): faults, events, the live
 * trace. Every subcommand is one HTTP request; the API's JSON answer is printed as it comes.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
        description = "Control a running qmodem: faults, events, trace (the HTTP API of `serve --control`).",
        subcommands = {CtlCommand.Fault.class, CtlCommand.Event.class, CtlCommand.Trace.class, CtlCommand.Modules.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:the API refused (the answer is printed) or cannot be reached", "2:bad flags"})
final class CtlCommand implements Runnable {

    /** Event kinds whose positional arguments fill these fields, in order. */
    private static final Map<String, List<String>> EVENT_ARGUMENTS = Map.of(
            "pdp-deactivate", List.of("context"), "urc", List.of("text"), "registration", List.of("state"),
            "signal", List.of("rssi", "ber"));

    /** Made on first use: picocli builds every subcommand, and `serve` should not pay Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8333", paramLabel = "URL",
            description = "The control API (default: ${DEFAULT-VALUE}).", scope = CommandLine.ScopeType.INHERIT)
    private String url;

    @Option(names = {"-m", "--module"}, defaultValue = "0", paramLabel = "ID",
            description = "The module's id (default: ${DEFAULT-VALUE}).", scope = CommandLine.ScopeType.INHERIT)
    private String module;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private String modulePath(String rest) {
        return "/api/modules/" + module + rest;
    }

    /** Sends one request and prints the answer; 1 if the API refused it. */
    private int call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        PrintWriter out = response.statusCode() < 400 ? spec.commandLine().getOut() : spec.commandLine().getErr();
        if (!response.body().isEmpty()) {
            out.println(response.body());
        }
        out.flush();
        return response.statusCode() < 400 ? 0 : 1;
    }

    /**
     * Turns {@code --down-kbps 800 --preset nbiot --fail} into JSON fields: dashes become underscores, whole
     * numbers, decimals and true/false keep their type, a flag without a value is true.
     */
    static ObjectNode fields(String kind, List<String> arguments) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("kind", kind);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("expected --FIELD VALUE, got " + argument);
            }
            String name = argument.substring(2).replace('-', '_');
            boolean hasValue = i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--");
            put(node, name, hasValue ? arguments.get(++i) : "true");
        }
        return node;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value.matches("-?\\d{1,18}")) {
            node.put(name, Long.parseLong(value));
        } else if (value.matches("-?\\d*\\.\\d+")) {
            node.put(name, Double.parseDouble(value));
        } else if (value.equals("true") || value.equals("false")) {
            node.put(name, Boolean.parseBoolean(value));
        } else {
            node.put(name, value);
        }
    }

    @Command(name = "fault", mixinStandardHelpOptions = true, description = "Add, list or remove faults.",
            subcommands = {Fault.Add.class, Fault.List.class, Fault.Remove.class})
    static final class Fault {

        @Command(name = "add", description = "Add a fault: `fault add link --preset nbiot`, "
                + "`fault add cut --connection data --after-bytes 1000`.")
        static final class Add implements Callable<Integer> {
            @CommandLine.Spec
            private CommandLine.Model.CommandSpec spec;
            @Parameters(index = "0", paramLabel = "KIND", description = "link, uart, delay, hang, cut, stall, slice, dns, noise, disk")
            private String kind;
            @CommandLine.Unmatched
            private java.util.List<String> arguments = new ArrayList<>();

            @Override
            public Integer call() throws IOException, InterruptedException {
                CtlCommand ctl = ctl(spec);
                return ctl.call("POST", ctl.modulePath("/faults"), fields(kind, arguments).toString());
            }
        }

        @Command(name = "list", description = "List the faults in force.")
        static final class List implements Callable<Integer> {
            @CommandLine.Spec
            private CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws IOException, InterruptedException {
                CtlCommand ctl = ctl(spec);
                return ctl.call("GET", ctl.modulePath("/faults"), null);
            }
        }

        @Command(name = "rm", description = "Remove one fault by id, or all of them with `all`.")
        static final class Remove implements Callable<Integer> {
            @CommandLine.Spec
            private CommandLine.Model.CommandSpec spec;
            @Parameters(index = "0", paramLabel = "ID|all")
            private String id;

            @Override
            public Integer call() throws IOException, InterruptedException {
                CtlCommand ctl = ctl(spec);
                return ctl.call("DELETE", ctl.modulePath(id.equals("all") ? "/faults" : "/faults/" + id), null);
            }
        }
    }

    @Command(name = "event", description = "Fire an event: `event pdp-deactivate 1`, `event urc '+QIURC: \"x\"'`.")
    static final class Event implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KIND",
                description = "pdp-deactivate, urc, reboot, power-off, power-on, registration, signal")
        private String kind;
        @Parameters(index = "1..*", paramLabel = "ARG", description = "The event's values in order (context; text; state; rssi ber).")
        private List<String> values = new ArrayList<>();
        @CommandLine.Unmatched
        private List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws IOException, InterruptedException {
            ObjectNode event = fields(kind, arguments);
            List<String> names = EVENT_ARGUMENTS.getOrDefault(kind, List.of());
            if (values.size() > names.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), kind + " takes " + names);
            }
            for (int i = 0; i < values.size(); i++) {
                put(event, names.get(i), values.get(i));
            }
            CtlCommand ctl = ctl(spec);
            return ctl.call("POST", ctl.modulePath("/events"), event.toString());
        }
    }

    @Command(name = "modules", description = "List the modules of the process.")
    static final class Modules implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return ctl(spec).call("GET", "/api/modules", null);
        }
    }

    @Command(name = "trace", description = "Follow the module's trace: one line per record, until interrupted.")
    static final class Trace implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            CtlCommand ctl = ctl(spec);
            HttpRequest request = HttpRequest.newBuilder(URI.create(ctl.url + ctl.modulePath("/trace")))
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = ctl.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            PrintWriter out = spec.commandLine().getOut();
            try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() >= 400) {
                    events.lines().forEach(spec.commandLine().getErr()::println);
                    return 1;
                }
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    if (line.startsWith("data:")) {
                        JsonNode record = Json.MAPPER.readTree(line.substring(5));
                        out.println(record.path("time").asText() + " " + label(record.path("direction").asText())
                                + " " + record.path("text").asText());
                        out.flush();
                    }
                }
            }
            return 0;
        }

        /** The labels of {@code --trace} files. */
        private static String label(String direction) {
            return switch (direction) {
                case "host" -> "host>";
                case "module" -> "module<";
                default -> "inject!";
            };
        }
    }

    private static CtlCommand ctl(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.CommandSpec at = spec;
        while (!(at.userObject() instanceof CtlCommand)) {
            at = at.parent();
        }
        return (CtlCommand) at.userObject();
    }
}
