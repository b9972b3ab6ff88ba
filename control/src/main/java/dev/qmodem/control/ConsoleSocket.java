package dev.qmodem.control;

import dev.qmodem.control.ControlServer.Controlled;
import dev.qmodem.transport.HostLink;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The inspector's console: a WebSocket that is the module's one host while it is open, like a TCP host. Text and
 * binary messages are bytes typed by the host; each write of the module is one binary message. A module that is
 * already serving a host closes the socket at once with code {@value #BUSY}. Closing the socket hangs up.
 */
final class ConsoleSocket {

    /** Close code when another host is connected. */
    static final int BUSY = 4409;

    private static final Logger log = LoggerFactory.getLogger(ConsoleSocket.class);
    private static final int MAX_MESSAGE = 64 * 1024;

    private ConsoleSocket() {
    }

    static void configure(WsConfig ws, Function<String, Controlled> modules) {
        Map<String, Link> links = new ConcurrentHashMap<>();
        ws.onConnect(ctx -> {
            Controlled controlled;
            try {
                controlled = modules.apply(ctx.pathParam("id"));
            } catch (ControlServer.NotFound e) {
                ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, e.getMessage());
                return;
            }
            Link link = new Link(ctx);
            links.put(ctx.sessionId(), link);
            Thread.ofVirtual().name("qmodem-console-" + controlled.id()).start(() -> {
                try {
                    if (!controlled.module().serveIfFree(link)) {
                        ctx.closeSession(BUSY, "a host is already connected");
                    } else {
                        ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "host session over");
                    }
                } finally {
                    links.remove(ctx.sessionId());
                }
            });
        });
        ws.onMessage(ctx -> type(links.get(ctx.sessionId()), ctx.message().getBytes(StandardCharsets.UTF_8)));
        ws.onBinaryMessage(ctx -> {
            ByteBuffer data = ctx.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            type(links.get(ctx.sessionId()), bytes);
        });
        ws.onClose(ctx -> {
            Link link = links.remove(ctx.sessionId());
            if (link != null) {
                link.close();
            }
        });
    }

    private static void type(Link link, byte[] bytes) throws InterruptedException {
        if (link != null && bytes.length > 0) {
            for (int from = 0; from < bytes.length; from += MAX_MESSAGE) {
                link.typed(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + MAX_MESSAGE)));
            }
        }
    }

    /** The host link over one WebSocket: typed bytes wait in a bounded queue; the module's writes are sent. */
    private static final class Link implements HostLink {

        private static final byte[] HANG_UP = new byte[0];
        private static final long SEND_DEADLINE_S = 30;

        private final WsContext ctx;
        private final BlockingQueue<byte[]> typed = new ArrayBlockingQueue<>(256);
        private volatile boolean closed;
        private final InputStream input = new InputStream() {
            private byte[] chunk = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (at == chunk.length) {
                    if (chunk == HANG_UP) {
                        return -1;
                    }
                    try {
                        chunk = typed.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("console read interrupted");
                    }
                    at = 0;
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }
        };
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new IOException("console closed");
                }
                CompletableFuture<Void> sent = new CompletableFuture<>();
                ctx.session.sendBinary(ByteBuffer.wrap(b.clone(), off, len),
                        Callback.from(() -> sent.complete(null), sent::completeExceptionally));
                try {
                    sent.get(SEND_DEADLINE_S, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("console write interrupted");
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("console write failed", e);
                }
            }
        };

        Link(WsContext ctx) {
            this.ctx = ctx;
        }

        void typed(byte[] bytes) throws InterruptedException {
            if (!closed) {
                typed.put(bytes);
            }
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public String describe() {
            return "console " + ctx.session.getRemoteSocketAddress();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                typed.clear();
                if (!typed.offer(HANG_UP)) {
                    log.debug("console input queue full at hang-up");
                }
            }
        }
    }
}
