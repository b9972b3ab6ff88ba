package dev.qmodem.ftp;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** Apache FtpServer on an ephemeral loopback port serving {@code root} to user "user"/"secret". */
final class EmbeddedFtpServer implements AutoCloseable {

    static final String USER = "user";
    static final String PASSWORD = "secret";

    private final FtpServer server;
    private final ListenerFactory listenerFactory;
    private int port;

    /** @param keystore a PKCS12 keystore for FTPS, or null for plain FTP; {@code implicitTls} only with a keystore */
    EmbeddedFtpServer(Path root, File keystore, String keystorePassword, boolean implicitTls) throws FtpException {
        FtpServerFactory serverFactory = new FtpServerFactory();
        listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        data.setActiveLocalAddress("127.0.0.1");
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        if (keystore != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keystore);
            ssl.setKeystorePassword(keystorePassword);
            ssl.setKeystoreType("PKCS12");
            listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
            listenerFactory.setImplicitSsl(implicitTls);
        }
        serverFactory.addListener("default", listenerFactory.createListener());
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(root.toAbsolutePath().toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        serverFactory.getUserManager().save(user);
        server = serverFactory.createServer();
        server.start();
        port = serverFactory.getListener("default").getPort();
    }

    int port() {
        return port;
    }

    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        if (!server.isStopped()) {
            server.stop();
        }
    }
}
