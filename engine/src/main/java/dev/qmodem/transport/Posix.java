package dev.qmodem.transport;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * The few libc calls a pseudo-terminal needs, bound by JNA direct mapping. Constants are the Linux
 * (x86, ARM, RISC-V) values; {@link #requireLinux()} guards the callers.
 */
final class Posix {

    static final int O_RDWR = 02;
    static final int O_NOCTTY = 0400;
    static final int O_NONBLOCK = 04000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int TCSANOW = 0;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final int EINTR = 4;
    static final int EAGAIN = 11;

    /** Large enough for glibc's and musl's {@code struct termios} (60 bytes); treated as opaque. */
    static final int TERMIOS_SIZE = 256;

    static {
        if (Platform.isLinux()) {
            Native.register(Platform.C_LIBRARY_NAME);
        }
    }

    private Posix() {
    }

    static void requireLinux() throws IOException {
        if (!Platform.isLinux()) {
            throw new IOException("pseudo-terminals are supported on Linux only");
        }
    }

    static native int posix_openpt(int flags);

    static native int grantpt(int fd);

    static native int unlockpt(int fd);

    static native int ptsname_r(int fd, byte[] buf, NativeLong buflen);

    static native int open(String path, int flags);

    static native int close(int fd);

    static native NativeLong read(int fd, Pointer buf, NativeLong count);

    static native NativeLong write(int fd, Pointer buf, NativeLong count);

    static native int poll(Pointer fds, NativeLong nfds, int timeoutMillis);

    static native int pipe(int[] fds);

    static native int fcntl(int fd, int cmd, int arg);

    static native int tcgetattr(int fd, byte[] termios);

    static native int tcsetattr(int fd, int optionalActions, byte[] termios);

    static native void cfmakeraw(byte[] termios);

    static native String strerror(int errnum);

    /** Returns {@code result}, or throws with errno's text when the call reported failure (-1). */
    static int check(int result, String call) throws IOException {
        if (result == -1) {
            throw failure(call);
        }
        return result;
    }

    static IOException failure(String call) {
        int errno = Native.getLastError();
        return new IOException(call + " failed: " + strerror(errno) + " (errno " + errno + ")");
    }
}
