package dev.qmodem.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmodem.transport.TraceSink;
import dev.qmodem.transport.TraceWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One follower of a module's trace over server-sent events: {@code {"time":...,"direction":"host"|"module"|"inject",
 * "text":...}} per record, the bytes as {@code --trace} writes them. Records wait in a bounded queue and are sent by
 * the follower's own thread, so a slow follower never slows the module: past the bound records are dropped, and
 * the next record sent says how many.
 */
final class TraceStream implements TraceSink {

    private static final int QUEUE = 4096;
    private static final long KEEP_ALIVE_MS = 15_000;

    private final OutputStream out;
    private final ObjectMapper json;
    private final BlockingQueue<ObjectNode> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();

    TraceStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void record(TraceWriter.Direction direction, byte[] bytes, int offset, int length) {
        offer(direction == TraceWriter.Direction.FROM_HOST ? "host" : "module",
                TraceWriter.escape(bytes, offset, length));
    }

    @Override
    public void mark(String text) {
        offer("inject", text);
    }

    private void offer(String direction, String text) {
        ObjectNode event = json.createObjectNode().put("time", Instant.now().toString()).put("direction", direction)
                .put("text", text);
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Sends records until the follower goes away (a write fails); runs on the request's thread. */
    void pump() throws InterruptedException, IOException {
        send(": qmodem trace\n\n");
        while (true) {
            ObjectNode event = queue.poll(KEEP_ALIVE_MS, TimeUnit.MILLISECONDS);
            if (event == null) {
                send(": keep-alive\n\n");
                continue;
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                event.put("dropped_before", lost);
            }
            send("event: trace\ndata: " + event + "\n\n");
        }
    }

    private void send(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
