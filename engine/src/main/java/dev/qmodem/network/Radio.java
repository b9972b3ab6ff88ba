package dev.qmodem.network;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated radio, the one place its state lives: the functionality level ({@code AT+CFUN}), the registration
 * status of each domain with the URC mode the host set for it ({@code AT+CREG}/{@code +CGREG}/{@code +CEREG}), and
 * the signal. Whatever changes it (a command, a reset, a control event) goes through here, and each change emits
 * the registration URCs the enabled modes ask for.
 */
public final class Radio {

    /** A registration domain and the command that reports it. */
    public enum Domain {
        CIRCUIT("+CREG"), PACKET("+CGREG"), EPS("+CEREG");

        private final String command;

        Domain(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /** Functionality levels of {@code AT+CFUN}. */
    public static final int MINIMUM = 0;
    public static final int FULL = 1;
    public static final int AIRPLANE = 4;

    /** {@code <stat>} 0: not registered, not searching; 1: registered, home network; 5: registered, roaming. */
    public static final int NOT_REGISTERED = 0;
    public static final int REGISTERED_HOME = 1;
    public static final int REGISTERED_ROAMING = 5;

    /** Where the simulated cell is, as {@code <n>}=2 reports it. */
    public record Cell(String areaCode, String cellId, int accessTechnology) {
    }

    /** Received signal strength and bit error rate, as {@code AT+CSQ} reports them (99: unknown). */
    public record Signal(int rssi, int ber) {
        public static final Signal NONE = new Signal(99, 99);
    }

    private final Cell cell;
    private final Signal defaultSignal;
    private final List<Consumer<String>> urcListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> detachListeners = new CopyOnWriteArrayList<>();
    private final Map<Domain, Integer> modes = new EnumMap<>(Domain.class);
    private int functionality = FULL;
    private int registeredStat = REGISTERED_HOME;
    private Signal signal;

    public Radio(Cell cell, Signal signal) {
        this.cell = cell;
        this.defaultSignal = signal;
        reset();
    }

    /** Power-on values: full functionality, registered, every URC mode 0. No URC. */
    public synchronized void reset() {
        functionality = FULL;
        registeredStat = REGISTERED_HOME;
        signal = defaultSignal;
        for (Domain domain : Domain.values()) {
            modes.put(domain, 0);
        }
    }

    /** Where registration URCs go (the module's host output). */
    public void onUrc(Consumer<String> listener) {
        urcListeners.add(listener);
    }

    /** Runs when the radio leaves the network (functionality 0 or 4): active PDP contexts end. */
    public void onDetached(Runnable listener) {
        detachListeners.add(listener);
    }

    public synchronized int functionality() {
        return functionality;
    }

    /** True while registered: full functionality and a registering status. */
    public synchronized boolean online() {
        return functionality == FULL && registered(registeredStat);
    }

    /** Sets the functionality level; leaving full functionality deregisters and ends the PDP contexts. */
    public void functionality(int level) {
        update(() -> functionality = level);
    }

    /** Sets the status the network grants while the radio is on (1 home, 5 roaming, 2 searching, 3 denied...). */
    public void registration(int stat) {
        update(() -> registeredStat = stat);
    }

    public synchronized Signal signal() {
        return functionality == FULL ? signal : Signal.NONE;
    }

    public synchronized void signal(Signal value) {
        signal = value;
    }

    /** Sets a domain's URC mode: 0 none, 1 {@code <stat>}, 2 and up also the cell. */
    public synchronized void mode(Domain domain, int mode) {
        modes.put(domain, mode);
    }

    public synchronized int stat() {
        return functionality == FULL ? registeredStat : NOT_REGISTERED;
    }

    /** The read form: {@code +CREG: <n>,<stat>[,"<lac>","<ci>",<AcT>]}. */
    public synchronized String report(Domain domain) {
        int mode = modes.get(domain);
        return domain.command() + ": " + mode + "," + stat() + (mode >= 2 ? location() : "");
    }

    /** Applies a change; a changed status is reported as the modes ask, and losing the network detaches. */
    private void update(Runnable change) {
        boolean wasOnline;
        boolean nowOnline;
        int statBefore;
        int statAfter;
        synchronized (this) {
            wasOnline = online();
            statBefore = stat();
            change.run();
            nowOnline = online();
            statAfter = stat();
        }
        if (statBefore != statAfter) {
            emitRegistration();
        }
        if (wasOnline && !nowOnline) {
            detachListeners.forEach(Runnable::run);
        }
    }

    private void emitRegistration() {
        for (Domain domain : Domain.values()) {
            String urc;
            synchronized (this) {
                int mode = modes.get(domain);
                if (mode == 0) {
                    continue;
                }
                urc = domain.command() + ": " + stat() + (mode >= 2 ? location() : "");
            }
            urcListeners.forEach(listener -> listener.accept(urc));
        }
    }

    private static boolean registered(int stat) {
        return stat == REGISTERED_HOME || stat == REGISTERED_ROAMING;
    }

    private String location() {
        if (!registered(stat())) {
            return "";
        }
        return ",\"" + cell.areaCode() + "\",\"" + cell.cellId() + "\"," + cell.accessTechnology();
    }
}
