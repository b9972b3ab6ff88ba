package dev.qmodem.at;

/**
 * The V.250 terminal settings a host changes with ATE, ATV, ATQ, ATS, AT+CMEE, AT&D and AT+IPR. One instance per
 * module: like a real module's, they outlive a host's connection. Read by the decoder and the response writer.
 */
public final class AtSettings {

    /** Factory values, from the model profile. */
    public record Defaults(boolean echo, boolean verbose, boolean quiet, int s3, int s4, int s5, int s12, int cmee,
                           int dtrMode, int baudRate) {
    }

    private final Defaults defaults;
    private volatile boolean echo;
    private volatile boolean verbose;
    private volatile boolean quiet;
    private volatile int s3;
    private volatile int s4;
    private volatile int s5;
    private volatile int s12;
    private volatile int cmee;
    private volatile int dtrMode;
    private volatile int baudRate;

    public AtSettings(Defaults defaults) {
        this.defaults = defaults;
        restoreDefaults();
    }

    /** AT&F / ATZ. */
    public void restoreDefaults() {
        echo = defaults.echo();
        verbose = defaults.verbose();
        quiet = defaults.quiet();
        s3 = defaults.s3();
        s4 = defaults.s4();
        s5 = defaults.s5();
        s12 = defaults.s12();
        cmee = defaults.cmee();
        dtrMode = defaults.dtrMode();
        baudRate = defaults.baudRate();
    }

    public boolean echo() { return echo; }
    public void echo(boolean on) { echo = on; }
    public boolean verbose() { return verbose; }
    public void verbose(boolean on) { verbose = on; }
    public boolean quiet() { return quiet; }
    public void quiet(boolean on) { quiet = on; }
    public int cmee() { return cmee; }
    public void cmee(int mode) { cmee = mode; }
    public int dtrMode() { return dtrMode; }
    public void dtrMode(int mode) { dtrMode = mode; }
    public int baudRate() { return baudRate; }
    public void baudRate(int rate) { baudRate = rate; }

    /** Command line termination character (S3). */
    public byte lineTerminator() { return (byte) s3; }
    /** Response formatting character (S4); ignored in command lines. */
    public byte lineFeed() { return (byte) s4; }
    /** Command line editing character (S5). */
    public byte backspace() { return (byte) s5; }

    /** The +++ escape guard time (S12), in fiftieths of a second. */
    public int guardTimeFiftieths() { return s12; }

    /** Reads S3, S4, S5 or S12; -1 for a register qmodem does not have. */
    public int register(int number) {
        return switch (number) {
            case 3 -> s3;
            case 4 -> s4;
            case 5 -> s5;
            case 12 -> s12;
            default -> -1;
        };
    }

    /** Writes S3, S4, S5 or S12; false for a register qmodem does not have. */
    public boolean register(int number, int value) {
        switch (number) {
            case 3 -> s3 = value;
            case 4 -> s4 = value;
            case 5 -> s5 = value;
            case 12 -> s12 = value;
            default -> {
                return false;
            }
        }
        return true;
    }
}
