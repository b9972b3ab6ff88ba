package dev.qmodem.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector's own endpoints over real HTTP and WebSocket: the page, the files, the console, the latencies. */
@Timeout(60)
class InspectorApiTest {

    @TempDir
    Path folder;
    private ControlledWorld world;

    @BeforeEach
    void start() throws IOException {
        world = new ControlledWorld(folder);
    }

    @AfterEach
    void stop() throws IOException {
        world.close();
    }

    @Test
    void servesThePageAtTheRoot() throws Exception {
        HttpResponse<String> page = world.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>qmodem inspector</title>", "app.js");
        HttpResponse<String> script = world.get("/app.js");
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void theListCarriesWhatATileShows() throws Exception {
        try (Host host = world.host()) {
            host.ok("AT+QIACT=1");
            world.fault("{\"kind\":\"uart\",\"baud\":115200}");
            assertThat(world.get("/api/modules").body()).contains("\"hostConnected\":true", "\"pdpActive\":[1]",
                    "\"faultKinds\":[\"uart\"]");
        }
    }

    @Test
    void filesAreUploadedListedDownloadedAndDeleted() throws Exception {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        HttpResponse<String> put = world.http().send(HttpRequest.newBuilder(world.uri("/api/modules/0/files/blob.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(Files.readAllBytes(world.ufs.resolve("blob.bin"))).isEqualTo(data);
        try (Host host = world.host()) {
            assertThat(host.ok("AT+QFLST")).contains("+QFLST: \"blob.bin\",200000");
        }
        assertThat(world.get("/api/modules/0/files").body()).contains("\"drive\":\"UFS\"",
                "{\"name\":\"blob.bin\",\"size\":200000}");
        HttpResponse<byte[]> got = world.http().send(HttpRequest.newBuilder(world.uri("/api/modules/0/files/blob.bin"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.body()).isEqualTo(data);

        assertThat(world.http().send(HttpRequest.newBuilder(world.uri("/api/modules/0/files/blob.bin"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("a name in use").isEqualTo(409);
        assertThat(world.delete("/api/modules/0/files/blob.bin").statusCode()).isEqualTo(204);
        assertThat(world.ufs.resolve("blob.bin")).doesNotExist();
        HttpResponse<String> gone = world.delete("/api/modules/0/files/blob.bin");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("\"code\":405");
        HttpResponse<String> wildcard = world.delete("/api/modules/0/files/*");
        assertThat(wildcard.statusCode()).isEqualTo(400);
        assertThat(wildcard.body()).contains("\"field\":\"name\"");
    }

    @Test
    void anUploadLargerThanTheFreeSpaceIsRefused() throws Exception {
        world.fault("{\"kind\":\"disk\",\"free_bytes\":100}");
        HttpResponse<String> put = world.http().send(HttpRequest.newBuilder(world.uri("/api/modules/0/files/big"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[101])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(413);
        assertThat(put.body()).contains("\"code\":403");
        assertThat(world.ufs.resolve("big")).doesNotExist();
    }

    @Test
    void theConsoleIsTheModulesHost() throws Exception {
        Console console = Console.open(world, "/api/modules/0/console");
        console.socket.sendText("ATI\r", true).get(5, TimeUnit.SECONDS);
        console.await("OK\r\n");
        assertThat(console.received()).contains("Quectel", "BG95");
        assertThat(world.get("/api/modules/0").body()).contains("\"hostConnected\":true");
        console.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (world.module.busy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(world.module.busy()).as("hung up").isFalse();
        try (Host host = world.host()) {
            assertThat(host.ok("AT")).endsWith("OK\r\n");
        }
    }

    @Test
    void theConsoleIsRefusedWhileAHostIsConnected() throws Exception {
        try (Host host = world.host()) {
            Console console = Console.open(world, "/api/modules/0/console");
            assertThat(console.closed.get(5, TimeUnit.SECONDS)).isEqualTo(ConsoleSocket.BUSY);
            assertThat(host.ok("AT")).endsWith("OK\r\n");
        }
    }

    @Test
    void commandLatenciesIncludeFtpUrcs() throws Exception {
        try (Host host = world.host()) {
            host.ok("ATI");
            world.login(host);
        }
        String samples = world.get("/api/modules/0/commands").body();
        assertThat(samples).contains("\"command\":\"I\",\"result\":\"OK\"", "\"command\":\"+QFTPOPEN URC\",\"result\":\"0,0\"");
    }

    /** A WebSocket client that keeps what it received. */
    private static final class Console implements WebSocket.Listener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        static Console open(ControlledWorld world, String path) throws Exception {
            Console console = new Console();
            URI uri = URI.create("ws://127.0.0.1:" + world.control.port() + path);
            console.socket = world.http().newWebSocketBuilder().buildAsync(uri, console).get(5, TimeUnit.SECONDS);
            return console;
        }

        @Override
        public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bytes.writeBytes(chunk);
            notifyAll();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        synchronized String received() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        synchronized void await(String text) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 5000;
            while (!received().contains(text)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no " + text.strip() + " in " + received());
                }
                wait(left);
            }
        }
    }
}
