package dev.qmodem.control;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector in a real browser (headless Chromium) against real modules, hosts and FTP server. */
@Timeout(120)
class InspectorBrowserTest {

    private static final int FILE_BYTES = 20_480;
    private static final int LINK_KBPS = 80;

    private static Browser browser;

    @TempDir
    Path folder;
    private ControlledWorld world;
    private final List<AutoCloseable> more = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new Browser(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        browser.close();
    }

    @BeforeEach
    void start() throws IOException {
        world = new ControlledWorld(folder);
    }

    @AfterEach
    void stop() throws Exception {
        browser.open("about:blank");
        for (AutoCloseable c : more) {
            c.close();
        }
        world.close();
    }

    private String page(String hash) {
        return "http://127.0.0.1:" + world.control.port() + "/" + hash;
    }

    /** Another module on its own TCP port under the same control API. */
    private TcpTransport addModule(Model model) throws IOException {
        EmulatedModule module = EmulatedModule.create(ModuleConfig.of(model,
                Files.createDirectories(folder.resolve("ufs-" + more.size()))));
        TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", 0), module.clock());
        transport.start(module);
        more.add(module);
        more.add(transport);
        world.control.register(module, transport.endpoint());
        return transport;
    }

    @Test
    void theFleetShowsEveryStartedModuleAndFiltersByState() throws Exception {
        addModule(Model.UC20);
        TcpTransport third = addModule(Model.BG77);
        browser.open(page(""));
        browser.await(d -> browser.all(".tile").size() == 3);
        assertThat(browser.one(".tile[data-id='1']").getText()).contains("#1", "UC20");
        assertThat(browser.one(".tile[data-id='2']").getText()).contains("BG77", "no host", "FTP closed");

        try (Host host = new Host(third.port())) {
            host.ok("AT+QIACT=1");
            world.fault("{\"kind\":\"uart\",\"baud\":115200}");
            browser.awaitText(".tile[data-id='2']", "PDP 1");
            browser.awaitText(".tile[data-id='0']", "uart");
            browser.one("button[data-filter='host']").click();
            browser.awaitText("#fleet-count", "1 of 3");
            assertThat(browser.all(".tile").stream().filter(WebElement::isDisplayed).map(t -> t.getAttribute("data-id")))
                    .containsExactly("2");
        }
    }

    /** Opens module 0's view and waits until its trace stream shows an injection fired now (so it is live). */
    private void openLiveModuleView() throws Exception {
        browser.open(page("#/module/0"));
        browser.await(d -> browser.all("#state dd").size() > 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (browser.all("#trace .rec.inject").isEmpty()) {
            assertThat(System.nanoTime()).as("the trace went live").isLessThan(deadline);
            world.post("/api/modules/0/events", "{\"kind\":\"urc\",\"text\":\"+PROBE\"}");
            Thread.sleep(200);
        }
    }

    @Test
    void theTraceShowsWhatATcpHostTypes() throws Exception {
        openLiveModuleView();
        try (Host host = world.host()) {
            host.ok("ATI");
            WebElement typed = browser.awaitText("#trace .rec.host", "ATI<CR>");
            WebElement answer = browser.awaitText("#trace .rec.module", "Quectel");
            assertThat(typed.getCssValue("color")).isNotEqualTo(answer.getCssValue("color"));
            assertThat(answer.getText()).contains("<CR><LF>");
        }
    }

    @Test
    void aLinkFaultAddedInThePageSlowsATransfer() throws Exception {
        Files.write(world.ftp.root().resolve("file.bin"), new byte[FILE_BYTES]);
        openLiveModuleView();
        try (Host host = world.host()) {
            world.login(host);
            double unshaped = get(host);

            browser.select("#fault-kind", "link");
            WebElement down = browser.one("#fault-form [name='down_kbps']");
            down.clear();
            down.sendKeys(Integer.toString(LINK_KBPS));
            browser.one("#fault-submit").click();
            browser.awaitText("#faults li[data-kind='link']", "down_kbps=" + LINK_KBPS);
            browser.awaitText("#trace .rec.inject", "link");

            double shaped = get(host);
            double expected = FILE_BYTES * 8.0 / (LINK_KBPS * 1000.0);
            assertThat(shaped).as("seconds for %d bytes at %d kbit/s", FILE_BYTES, LINK_KBPS)
                    .isGreaterThan(expected * 0.9).isGreaterThan(unshaped);
            browser.awaitText("#rate-note", "link 10 kB/s");
        }
    }

    private static double get(Host host) throws IOException {
        long start = System.nanoTime();
        host.send("AT+QFTPGET=\"file.bin\",\"COM:\"\r");
        host.await("+QFTPGET: 0," + FILE_BYTES + "\r\n", Duration.ofSeconds(30));
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void firingPdpDeactivateShowsTheUrcInTheTrace() throws Exception {
        openLiveModuleView();
        try (Host host = world.host()) {
            host.ok("AT+QIACT=1");
            browser.select("#event-kind", "pdp-deactivate");
            browser.one("#event-submit").click();
            browser.awaitText("#event-message", "context 1 deactivated");
            browser.awaitText("#trace .rec.inject", "pdp-deactivate");
            browser.awaitText("#trace .rec.module", "+QIURC: \"pdpdeact\",1");
            host.await("+QIURC: \"pdpdeact\",1\r\n", Duration.ofSeconds(5));
        }
    }

    @Test
    void theConsoleTypesAtCommandsWhenNoHostIsConnected() throws Exception {
        openLiveModuleView();
        browser.one("#console-connect").click();
        browser.awaitText("#console-message", "connected");
        browser.await(d -> browser.one("#console-input").isEnabled());
        browser.one("#console-input").sendKeys("ATI\n");
        browser.awaitText("#console-output", "Revision");
        browser.awaitText("#trace .rec.host", "ATI<CR>");
        browser.awaitText("#state dd[data-key='host']", "connected");
        browser.one("#console-connect").click();
        browser.awaitText("#console-message", "disconnected");
    }

    @Test
    void theFilesPanelUploadsListsAndDeletes() throws Exception {
        Path upload = Files.writeString(folder.resolve("notes.txt"), "from the page");
        browser.open(page("#/module/0"));
        browser.await(d -> browser.all("#ufs .drive").size() > 0);
        browser.one("#ufs-file").sendKeys(upload.toString());
        browser.one("#ufs-upload").click();
        browser.awaitText("#ufs-message", "notes.txt: 13 bytes");
        assertThat(world.ufs.resolve("notes.txt")).hasContent("from the page");
        browser.awaitText("#ufs tr[data-file='notes.txt']", "13");
        browser.one("#ufs tr[data-file='notes.txt'] button.remove").click();
        browser.awaitText("#ufs-message", "notes.txt deleted");
        assertThat(world.ufs.resolve("notes.txt")).doesNotExist();
    }
}
