package dev.qmodem.fault;

import java.util.Locale;

/**
 * A fault that stays in force until removed (docs/faults.md). Each kind is applied where its bytes flow: the host
 * link ({@link Uart}, {@link Slice}, {@link Noise}), the sockets of the FTP session ({@link Link}, {@link Cut},
 * {@link Stall}, {@link Dns}), the URCs and results of commands ({@link Delay}, {@link Hang}), the UFS
 * ({@link Disk}). Constructors check their values and name the field that is wrong.
 */
public sealed interface Fault {

    /** The {@code "kind"} of the fault in the control API. */
    String kind();

    /** Which FTP connection a {@link Cut} or {@link Stall} applies to. */
    enum Connection {
        CONTROL, DATA;

        public static Connection parse(String text) {
            return switch (text) {
                case "control" -> CONTROL;
                case "data" -> DATA;
                default -> throw new FaultException("connection", "must be \"data\" or \"control\"");
            };
        }

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Every socket the module opens is shaped both ways: bandwidth in kbit/s (0 = unlimited) and latency plus up to
     * {@code jitterMs} of random extra delay, added per direction.
     */
    record Link(long downKbps, long upKbps, long latencyMs, long jitterMs) implements Fault {
        public Link {
            nonNegative("down_kbps", downKbps);
            nonNegative("up_kbps", upKbps);
            nonNegative("latency_ms", latencyMs);
            nonNegative("jitter_ms", jitterMs);
        }

        public String kind() {
            return "link";
        }

        /** The preset names {@link #preset} knows, slowest last. */
        public static final java.util.List<String> PRESETS = java.util.List.of("umts", "catm1", "gsm", "nbiot");

        /**
         * Typical figures of a radio access technology (docs/faults.md gives their sources): {@code gsm} (GPRS),
         * {@code umts} (HSPA), {@code catm1} (LTE-M), {@code nbiot}.
         */
        public static Link preset(String name) {
            return switch (name) {
                case "gsm" -> new Link(60, 30, 300, 100);
                case "umts" -> new Link(2000, 500, 50, 20);
                case "catm1" -> new Link(300, 300, 75, 25);
                case "nbiot" -> new Link(30, 30, 800, 400);
                default -> throw new FaultException("preset", "must be one of gsm, umts, catm1, nbiot");
            };
        }
    }

    /** Bytes between host and module paced at {@code baud / 10} bytes per second both ways (8N1). */
    record Uart(long baud) implements Fault {
        public Uart {
            positive("baud", baud);
        }

        public String kind() {
            return "uart";
        }
    }

    /**
     * The command's final result, or its URC for an FTP command, comes {@code ms} later: every form of it, or one
     * when the name ends as that form is typed ({@code +QIACT=}, {@code +COPS?}, {@code +COPS=?}).
     */
    record Delay(String command, long ms) implements Fault {
        /** How the name may end to apply to one form only: set, test, read. */
        private static final String FORM = "(=|=\\?|\\?)?";

        public Delay {
            command = commandName(command, FORM);
            nonNegative("ms", ms);
        }

        public String kind() {
            return "delay";
        }
    }

    /** The command's URC never comes. */
    record Hang(String command) implements Fault {
        public Hang {
            command = commandName(command, "");
        }

        public String kind() {
            return "hang";
        }
    }

    /** Each new FTP connection of that kind is reset after exactly {@code afterBytes} bytes, either direction. */
    record Cut(Connection connection, long afterBytes) implements Fault {
        public Cut {
            required("connection", connection);
            nonNegative("after_bytes", afterBytes);
        }

        public String kind() {
            return "cut";
        }
    }

    /** Each new FTP connection of that kind carries nothing more after {@code afterBytes} bytes, and stays open. */
    record Stall(Connection connection, long afterBytes) implements Fault {
        public Stall {
            required("connection", connection);
            nonNegative("after_bytes", afterBytes);
        }

        public String kind() {
            return "stall";
        }
    }

    /** Output to the host in writes of at most {@code maxBytes}, {@code gapMs} apart. */
    record Slice(int maxBytes, long gapMs) implements Fault {
        public Slice {
            positive("max_bytes", maxBytes);
            nonNegative("gap_ms", gapMs);
        }

        public String kind() {
            return "slice";
        }
    }

    /** Name resolution fails (604). */
    record Dns(boolean fail) implements Fault {
        public String kind() {
            return "dns";
        }
    }

    /** UART byte loss and bit flips with these probabilities, reproducible from the seed. */
    record Noise(double toHostDrop, double toHostFlip, double fromHostDrop, double fromHostFlip, long seed)
            implements Fault {
        public Noise {
            probability("to_host_drop", toHostDrop);
            probability("to_host_flip", toHostFlip);
            probability("from_host_drop", fromHostDrop);
            probability("from_host_flip", fromHostFlip);
        }

        public String kind() {
            return "noise";
        }
    }

    /** The UFS reports and enforces this free space. */
    record Disk(long freeBytes) implements Fault {
        public Disk {
            nonNegative("free_bytes", freeBytes);
        }

        public String kind() {
            return "disk";
        }
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new FaultException(field, "must be 0 or more");
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new FaultException(field, "must be more than 0");
        }
    }

    private static void probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new FaultException(field, "must be between 0 and 1");
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new FaultException(field, "is required");
        }
    }

    /**
     * {@code +QFTPOPEN}, {@code AT+QFTPOPEN} and {@code +qftpopen} all name the command {@code +QFTPOPEN};
     * {@code form} is the pattern of the endings allowed after the name.
     */
    private static String commandName(String command, String form) {
        required("command", command);
        String name = command.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("AT")) {
            name = name.substring(2);
        }
        if (name.isEmpty() || !name.matches("[+&]?[A-Z0-9]+" + form)) {
            throw new FaultException("command", "must name an AT command such as +QFTPOPEN"
                    + (form.isEmpty() ? "" : ", or one form of it: +QIACT=, +COPS?, +COPS=?"));
        }
        return name;
    }
}
