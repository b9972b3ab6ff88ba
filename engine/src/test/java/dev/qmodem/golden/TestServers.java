package dev.qmodem.golden;


import dev.qmodem.ftpserver.EmbeddedFtpServer;
import dev.qmodem.testpeers.FtpPeer;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.PureFtpd;
import dev.qmodem.testpeers.Vsftpd;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real FTP servers the integration tests run against, started on loopback. */
final class TestServers {

    private TestServers() {
    }

    /** The servers every FTP integration test runs against. */
    enum Kind {
        EMBEDDED {
            @Override
            FtpServerUnderTest start() throws Exception {
                return embedded();
            }
        },
        VSFTPD {
            @Override
            FtpServerUnderTest start() {
                Peers.requireVsftpd();
                return peer("vsftpd", Vsftpd.builder().start());
            }
        },
        PURE_FTPD {
            @Override
            FtpServerUnderTest start() {
                Peers.requirePureFtpd();
                return peer("pure-ftpd", PureFtpd.builder().start());
            }
        };

        abstract FtpServerUnderTest start() throws Exception;

        /** vsftpd 3.0.3 answers MLSD with 500: the module reports that ({@code +QFTPMLSD: 620,500}). */
        boolean supportsMlsd() {
            return this != VSFTPD;
        }
    }

    static FtpServerUnderTest peer(String name, FtpPeer peer) {
        return new FtpServerUnderTest() {
            public String name() { return name; }
            public int port() { return peer.port(); }
            public String user() { return peer.user(); }
            public String password() { return peer.password(); }
            public Path root() { return peer.root(); }
            public void grant(Path placed) { Peers.giveToFtpUser(placed); }
            public void close() { peer.close(); }
            @Override public String toString() { return name; }
        };
    }

    static FtpServerUnderTest embedded() throws Exception {
        Path root = Files.createTempDirectory("qmodem-embedded-ftp");
        EmbeddedFtpServer server = EmbeddedFtpServer.builder().root(root).tls(false).start();
        return new FtpServerUnderTest() {
            public String name() { return "embedded"; }
            public int port() { return server.port(); }
            public String user() { return server.user(); }
            public String password() { return server.password(); }
            public Path root() { return root; }
            public void close() { server.close(); }
            @Override public String toString() { return name(); }
        };
    }
}
