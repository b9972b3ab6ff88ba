package dev.qmodem.golden;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import dev.qmodem.testpeers.FtpPeer;
import dev.qmodem.testpeers.Peers;
import dev.qmodem.testpeers.PureFtpd;
import dev.qmodem.testpeers.Vsftpd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        FtpServerFactory serverFactory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        serverFactory.addListener("default", listenerFactory.createListener());
        BaseUser user = new BaseUser();
        user.setName("test");
        user.setPassword("test");
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        serverFactory.getUserManager().save(user);
        FtpServer server = serverFactory.createServer();
        server.start();
        int port = serverFactory.getListener("default").getPort();
        return new FtpServerUnderTest() {
            public String name() { return "embedded"; }
            public int port() { return port; }
            public String user() { return "test"; }
            public String password() { return "test"; }
            public Path root() { return root; }
            public void close() { server.stop(); }
            @Override public String toString() { return name(); }
        };
    }
}
