package dev.qmodem.control;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A module on a loopback TCP port, the embedded FTP server, and the control API over them, all on free ports. */
final class ControlledWorld implements AutoCloseable {

    final EmbeddedFtpServer ftp;
    final EmulatedModule module;
    final TcpTransport transport;
    final ControlServer control;
    final Path ufs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlledWorld(Path folder) throws IOException {
        ufs = Files.createDirectories(folder.resolve("ufs"));
        ftp = EmbeddedFtpServer.builder().root(folder.resolve("ftp-root")).dataFolder(folder).port(0).tls(false)
                .start();
        module = EmulatedModule.create(ModuleConfig.of(Model.BG95, ufs));
        transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), module.clock());
        transport.start(module);
        control = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), false);
        control.register(module, transport.endpoint());
    }

    Host host() throws IOException {
        Host host = new Host(transport.port());
        host.ok("ATE0");
        return host;
    }

    /** Activates context 1 and logs in to the embedded server, passive. */
    void login(Host host) throws IOException {
        login(host, 1);
    }

    /** As {@link #login(Host)} with this {@code transmode}: 0 active (the server connects to the module), 1 passive. */
    void login(Host host, int transmode) throws IOException {
        host.ok("AT+QIACT=1");
        host.ok("AT+QFTPCFG=\"account\",\"" + ftp.user() + "\",\"" + ftp.password() + "\"");
        host.ok("AT+QFTPCFG=\"transmode\"," + transmode);
        host.ok("AT+QFTPOPEN=\"127.0.0.1\"," + ftp.port());
        host.await("+QFTPOPEN: 0,0\r\n", Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Adds a fault to module 0 and fails unless it was created. */
    String fault(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/modules/0/faults", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("fault refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + control.port() + path);
    }

    HttpClient http() {
        return http;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException {
        control.close();
        transport.close();
        module.close();
        ftp.close();
    }
}
