package dev.qmodem.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Takes the README's screenshots of the inspector against a running {@code ./qmodem serve} (see
 * scripts/inspector-screenshots.sh): a host logs in to the embedded FTP server, puts and gets a file under a link
 * fault, the network drops the PDP context, and headless Chromium photographs both views.
 * Arguments: control URL, AT port, embedded FTP port, output folder.
 */
public final class InspectorScreenshots {

    private InspectorScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String control = args[0];
        int atPort = Integer.parseInt(args[1]);
        int ftpPort = Integer.parseInt(args[2]);
        Path images = Path.of(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder report = new StringBuilder();
        for (int i = 1; report.length() < 24_000; i++) {
            report.append("2026-11-30T06:").append(String.format("%02d", i % 60)).append(",sensor-").append(i % 7)
                    .append(',').append(20 + i % 9).append(".").append(i % 10).append("\r\n");
        }
        try (Browser browser = new Browser(1500, 1150); Host host = new Host(atPort)) {
            browser.open(control + "/#/module/0");
            browser.await(d -> browser.all("#state dd").size() > 0);
            host.ok("ATE0");
            host.ok("ATI");
            host.ok("AT+QIACT=1");
            host.ok("AT+QFTPCFG=\"account\",\"test\",\"test\"");
            host.ok("AT+QFTPCFG=\"transmode\",1");
            host.ok("AT+QFTPOPEN=\"127.0.0.1\"," + ftpPort);
            host.await("+QFTPOPEN: 0,0\r\n", Duration.ofSeconds(10));
            host.send("AT+QFTPPUT=\"report.csv\",\"COM:\",0," + report.length() + ",1\r");
            host.await("CONNECT\r\n", Duration.ofSeconds(10));
            host.send(report.toString());
            host.await("+QFTPPUT: 0," + report.length() + "\r\n", Duration.ofSeconds(30));
            post(http, control + "/api/modules/0/faults", "{\"kind\":\"link\",\"down_kbps\":64,\"up_kbps\":32,\"latency_ms\":300}");
            http.send(HttpRequest.newBuilder(URI.create(control + "/api/modules/0/files/config.json"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"interval\":60}")).build(), HttpResponse.BodyHandlers.ofString());
            host.send("AT+QFTPGET=\"report.csv\",\"UFS:report.csv\"\r");
            host.await("+QFTPGET: 0," + report.length() + "\r\n", Duration.ofSeconds(30));
            host.ok("AT+QFLST");
            post(http, control + "/api/modules/0/events", "{\"kind\":\"pdp-deactivate\",\"context\":1}");
            host.await("+QFTPCLOSE:", Duration.ofSeconds(10));
            host.ok("AT+QIACT?");
            Thread.sleep(2500); // let the state, latency and file panels poll once more
            browser.screenshot(images.resolve("inspector-module.png"));
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 300));
            browser.open(control + "/#/");
            browser.await(d -> browser.all(".tile").size() > 0);
            Thread.sleep(1200);
            browser.screenshot(images.resolve("inspector-fleet.png"));
        }
    }

    private static void post(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json,
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
    }
}
