package dev.qmodem.command.ftp;

import dev.qmodem.ftp.FtpFailure;

/** How an FTP operation ended: the {@code <err>,<value>} of its URC ({@code 0,<transferlen>} on success). */
record Outcome(int err, long value) {

    static Outcome success(long transferred) {
        return new Outcome(0, transferred);
    }

    /** A failure of the module's side (a local file, the host's data mode): no server reply to report. */
    static Outcome failed(int err) {
        return new Outcome(err, 0);
    }

    static Outcome of(FtpFailure failure) {
        return new Outcome(failure.err(), failure.protocolError());
    }

    @Override
    public String toString() {
        return err + "," + value;
    }
}
