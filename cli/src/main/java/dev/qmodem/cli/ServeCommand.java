package dev.qmodem.cli;

import dev.qmodem.module.Modem;
import dev.qmodem.module.ModemConfig;
import dev.qmodem.profile.Model;
import dev.qmodem.transport.TcpTransport;
import dev.qmodem.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code qmodem serve}: starts one module on the chosen transports and runs until SIGINT or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start a module and serve hosts until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by a signal", "1:could not start (a port in use, a bad flag value)"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "BG95", description = "UC20, BG95 or BG77 (default: ${DEFAULT-VALUE}).",
            converter = ModelConverter.class)
    private Model model;

    @Option(names = "--listen", defaultValue = "127.0.0.1:3333", paramLabel = "HOST:PORT",
            description = "AT port over TCP (default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--ufs", paramLabel = "DIR", description = "The module's flash (default: a folder under the user's data directory).")
    private Path ufs;

    @Option(names = "--pdp-address", defaultValue = "10.7.157.1", paramLabel = "ADDRESS",
            description = "The address AT+QIACT? reports for context 1 (default: ${DEFAULT-VALUE}).")
    private String pdpAddress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Properties overrides = new Properties();
        overrides.setProperty("pdp.address.base", pdpAddress);
        Path ufsDirectory = ufs != null ? ufs : DataDirectory.resolve().resolve(model.name()).resolve("ufs");
        List<Transport> transports = new ArrayList<>();
        Modem modem = Modem.create(new ModemConfig(model, ufsDirectory, overrides));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            transports.forEach(ServeCommand::closeQuietly);
            modem.close();
            stopped.countDown();
        }, "qmodem-shutdown"));

        transports.add(new TcpTransport(parseAddress(listen)));
        List<String> endpoints = new ArrayList<>();
        for (Transport transport : transports) {
            transport.start(modem);
            endpoints.add(transport.endpoint());
        }
        System.out.println("qmodem " + model + " ready: " + String.join(" ", endpoints) + " ufs:" + ufsDirectory);
        System.out.flush();
        stopped.await();
        return 0;
    }

    static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
