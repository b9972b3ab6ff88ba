package dev.qmodem.testpeers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every started peer has: its process, its instance folder (config, logs, and the root unless one was given),
 * the control port, the certificates it presents, and how long it took to greet. Closing stops the process and its
 * sessions, then deletes the instance folder.
 */
abstract class RunningPeer implements FtpPeer {

    private final PeerProcess process;
    private final Path instanceFolder;
    private final Path root;
    private final int port;
    private final TestCertificates certificates;
    private final Duration startupTime;
    private final String logFile;

    RunningPeer(PeerProcess process, Path instanceFolder, Path root, int port, TestCertificates certificates,
                Duration startupTime, String logFile) {
        this.process = process;
        this.instanceFolder = instanceFolder;
        this.root = root;
        this.port = port;
        this.certificates = certificates;
        this.startupTime = startupTime;
        this.logFile = logFile;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Optional<TestCertificates> certificates() {
        return Optional.ofNullable(certificates);
    }

    @Override
    public Path log() {
        return instanceFolder.resolve(logFile);
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    ProcessHandle processHandle() {
        return process.handle();
    }

    /** Stops the server and its session processes, then deletes the instance folder (with the root, unless one was given). */
    @Override
    public void close() {
        process.close();
        TempFolders.deleteQuietly(instanceFolder);
    }
}
