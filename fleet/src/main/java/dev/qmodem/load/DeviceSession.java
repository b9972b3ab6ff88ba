package dev.qmodem.load;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.AtCommand;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.at.ModemException;
import dev.qmodem.client.at.ModemTimeoutException;
import dev.qmodem.client.link.SocketLink;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One device's firmware loop: connects to its module's AT port as a host does, runs the setup steps once, then the
 * session steps over and over; a failed step ends that loop, the recover steps run, and the next loop starts. A
 * broken link ends the device.
 */
final class DeviceSession {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final LoadPlan plan;
    private final String id;
    private final String host;
    private final int port;
    private final Map<String, String> values = new HashMap<>();

    DeviceSession(LoadPlan plan, String id, String host, int port) {
        this.plan = plan;
        this.id = id;
        this.host = host;
        this.port = port;
        Workload.Server server = plan.server();
        values.put("id", id);
        values.put("server.host", server.host());
        values.put("server.port", Integer.toString(server.port()));
        values.put("server.user", server.user());
        values.put("server.password", server.password());
    }

    /** Runs until the iterations are done or the deadline ({@link System#nanoTime()}) has passed. */
    void run(long deadlineNanos) throws IOException, InterruptedException {
        try (AtChannel channel = AtChannel.open(SocketLink.connect(host, port, CONNECT_TIMEOUT),
                Thread.ofVirtual().name("load-" + id).factory())) {
            values.put("iter", "0");
            if (!runSteps(channel, plan.workload().setup(), plan.setup())) {
                return;
            }
            int iterations = plan.workload().iterations();
            for (int iteration = 0; iterations > 0 ? iteration < iterations : System.nanoTime() < deadlineNanos;
                    iteration++) {
                values.put("iter", Integer.toString(iteration));
                if (!runSteps(channel, plan.workload().session(), plan.session())) {
                    runSteps(channel, plan.workload().recover(), plan.recover());
                }
            }
        }
    }

    /** Runs steps in order until one fails; false if one did. A broken link is thrown. */
    private boolean runSteps(AtChannel channel, List<Step> steps, List<StepStats> stats)
            throws IOException, InterruptedException {
        for (int i = 0; i < steps.size(); i++) {
            long start = System.nanoTime();
            String error = null;
            try {
                execute(channel, steps.get(i));
            } catch (StepFailure failure) {
                error = failure.error();
            } catch (ModemTimeoutException e) {
                error = "timeout";
            } catch (ModemException e) {
                if (e.getCause() != null) {
                    stats.get(i).record(System.nanoTime() - start, "link");
                    plan.progress().operation(true);
                    throw e;
                }
                error = e.error() == ModemException.NO_CODE ? "ERROR" : Integer.toString(e.error());
            }
            stats.get(i).record(System.nanoTime() - start, error);
            plan.progress().operation(error != null);
            if (error != null) {
                return false;
            }
        }
        return true;
    }

    private void execute(AtChannel channel, Step step) throws IOException, InterruptedException, StepFailure {
        switch (step) {
            case Step.At at -> {
                AtCommand command = AtCommand.of(Template.fill(at.line(), values)).timeout(at.timeout());
                if (at.urc() != null) {
                    command = command.expecting(at.urc().endsWith(":") ? at.urc() : at.urc() + ":");
                }
                AtResponse response = channel.send(command);
                if (at.urc() != null) {
                    outcomeError(response);
                }
            }
            case Step.Put put -> {
                String file = Template.fill(put.file(), values);
                AtResponse response = channel.send(AtCommand.of("AT+QFTPPUT=" + AtCommand.quote(file) + ",\"COM:\",0,"
                                + put.size() + ",1").timeout(put.timeout()).expecting("+QFTPPUT:")
                        .sending(out -> {
                            Payload.of(file).writeTo(out, put.size());
                            return false;
                        }));
                long sent = outcomeError(response);
                if (sent != put.size()) {
                    throw new StepFailure("size", file + ": the module reports " + sent + " bytes of " + put.size());
                }
            }
            case Step.Get get -> {
                String file = Template.fill(get.file(), values);
                VerifyingSink sink = new VerifyingSink(Payload.of(file));
                AtResponse response = channel.send(AtCommand.of("AT+QFTPGET=" + AtCommand.quote(file) + ",\"COM:\"")
                        .timeout(get.timeout()).receivingUntil(sink, "+QFTPGET:"));
                outcomeError(response);
                if (!sink.same) {
                    throw new StepFailure("content", file + ": the bytes differ from what was put");
                }
                if (get.size() >= 0 && sink.count != get.size()) {
                    throw new StepFailure("size", file + ": " + sink.count + " bytes, expected " + get.size());
                }
            }
            case Step.Sleep sleep -> {
                long mean = sleep.mean().toNanos();
                long spread = sleep.spread().toNanos();
                long nanos = spread == 0 ? mean : ThreadLocalRandom.current().nextLong(mean - spread, mean + spread + 1);
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        }
    }

    /**
     * The URC's {@code <err>} (its first field) must be 0; returns its second field (a length for a transfer).
     */
    private static long outcomeError(AtResponse response) throws StepFailure {
        String outcome = response.outcome().orElseThrow();
        int colon = outcome.indexOf(':');
        String[] fields = outcome.substring(colon + 1).trim().split(",");
        String err = fields[0].trim();
        if (!err.equals("0")) {
            throw new StepFailure(err, outcome);
        }
        try {
            return fields.length > 1 ? Long.parseLong(fields[1].trim()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Compares received bytes with the payload as they come; nothing is kept. */
    private static final class VerifyingSink extends OutputStream {
        private final Payload expected;
        private long count;
        private boolean same = true;

        VerifyingSink(Payload expected) {
            this.expected = expected;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            same &= expected.matches(b, off, len);
            count += len;
        }
    }
}
