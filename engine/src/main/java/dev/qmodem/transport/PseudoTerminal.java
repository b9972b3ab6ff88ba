package dev.qmodem.transport;

import static dev.qmodem.transport.Posix.check;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Linux pseudo-terminal pair: a non-blocking master we serve on, and a slave in raw mode.
 * We hold a slave descriptor of our own for the pair's whole life: without it the master reports
 * EIO whenever no host has the slave open, and a host that comes back would find a hung-up line.
 */
final class PseudoTerminal implements Closeable {

    private final int masterFd;
    private final int slaveFd;
    private final String slaveName;

    private PseudoTerminal(int masterFd, int slaveFd, String slaveName) {
        this.masterFd = masterFd;
        this.slaveFd = slaveFd;
        this.slaveName = slaveName;
    }

    static PseudoTerminal open() throws IOException {
        Posix.requireLinux();
        int master = check(Posix.posix_openpt(Posix.O_RDWR | Posix.O_NOCTTY), "posix_openpt");
        int slave = -1;
        try {
            check(Posix.grantpt(master), "grantpt");
            check(Posix.unlockpt(master), "unlockpt");
            String name = slaveName(master);
            slave = check(Posix.open(name, Posix.O_RDWR | Posix.O_NOCTTY), "open " + name);
            makeRaw(slave);
            int flags = check(Posix.fcntl(master, Posix.F_GETFL, 0), "fcntl(F_GETFL)");
            check(Posix.fcntl(master, Posix.F_SETFL, flags | Posix.O_NONBLOCK), "fcntl(F_SETFL)");
            return new PseudoTerminal(master, slave, name);
        } catch (IOException | RuntimeException e) {
            if (slave != -1) {
                Posix.close(slave);
            }
            Posix.close(master);
            throw e;
        }
    }

    private static String slaveName(int master) throws IOException {
        byte[] name = new byte[128];
        int error = Posix.ptsname_r(master, name, new NativeLong(name.length));
        if (error != 0) {
            throw new IOException("ptsname_r failed: " + Posix.strerror(error) + " (errno " + error + ")");
        }
        return Native.toString(name, StandardCharsets.US_ASCII);
    }

    /** 8-bit clean, no echo, no signals, no CR/LF translation, no XON/XOFF: bytes pass unchanged. */
    private static void makeRaw(int slave) throws IOException {
        byte[] termios = new byte[Posix.TERMIOS_SIZE];
        check(Posix.tcgetattr(slave, termios), "tcgetattr");
        Posix.cfmakeraw(termios);
        check(Posix.tcsetattr(slave, Posix.TCSANOW, termios), "tcsetattr");
    }

    int masterFd() {
        return masterFd;
    }

    /** The slave device hosts open, such as {@code /dev/pts/3}. */
    String slaveName() {
        return slaveName;
    }

    @Override
    public void close() {
        Posix.close(slaveFd);
        Posix.close(masterFd);
    }
}
