package dev.qmodem.cli;

import dev.qmodem.ftpserver.EmbeddedFtpServer;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Flags {@code serve}, {@code fleet} and {@code load} share: the embedded FTP(S) server and what every module is told. */
final class ModuleOptions {

    @Option(names = "--ftp-port", defaultValue = "2121", paramLabel = "N",
            description = "Port of the embedded FTP server on 127.0.0.1, user test/test (default: ${DEFAULT-VALUE}; 0: any).")
    int ftpPort;

    @Option(names = "--ftps-port", defaultValue = "2990", paramLabel = "N",
            description = "Its explicit FTPS (AUTH TLS) port (default: ${DEFAULT-VALUE}; 0: any).")
    int ftpsPort;

    @Option(names = "--ftps-implicit-port", defaultValue = "2991", paramLabel = "N",
            description = "Its implicit FTPS port (default: ${DEFAULT-VALUE}; 0: any).")
    int ftpsImplicitPort;

    @Option(names = "--no-ftp-server", description = "Do not start the embedded FTP server.")
    boolean noFtpServer;

    @Option(names = "--ftp-root", paramLabel = "DIR",
            description = "The embedded FTP server's root folder (default: ftp-root under the user's data directory).")
    Path ftpRoot;

    @Option(names = "--pdp-address", defaultValue = "10.7.157.1", paramLabel = "ADDRESS",
            description = "The address AT+QIACT? reports for context 1 (default: ${DEFAULT-VALUE}).")
    String pdpAddress;

    @Option(names = "--host", paramLabel = "NAME=ADDRESS",
            description = "Answer NAME with ADDRESS without DNS, like a hosts file (repeatable).")
    Map<String, String> hostAliases = new LinkedHashMap<>();

    /** Profile values every module gets from these flags. */
    Properties profileOverrides() {
        Properties overrides = new Properties();
        overrides.setProperty("pdp.address.base", pdpAddress);
        return overrides;
    }

    /**
     * Starts the embedded FTP(S) server unless {@code --no-ftp-server}, adding its endpoints to {@code endpoints}.
     *
     * @param sessions how many modules may be logged in at once (0: the server's default)
     * @return the server, or null when turned off
     */
    EmbeddedFtpServer startFtpServer(List<String> endpoints, int sessions) {
        if (noFtpServer) {
            return null;
        }
        Path data = DataDirectory.resolve();
        EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(ftpRoot != null ? ftpRoot : data.resolve("ftp-root"))
                .dataFolder(data).port(ftpPort).explicitTlsPort(ftpsPort).implicitTlsPort(ftpsImplicitPort)
                .maxLogins(sessions).start();
        endpoints.add("ftp://" + server.user() + ":" + server.password() + "@127.0.0.1:" + server.port());
        server.explicitTlsPort().ifPresent(p -> endpoints.add("ftpes://127.0.0.1:" + p));
        server.implicitTlsPort().ifPresent(p -> endpoints.add("ftps://127.0.0.1:" + p));
        return server;
    }
}
