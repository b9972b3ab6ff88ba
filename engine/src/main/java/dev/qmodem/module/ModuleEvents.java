package dev.qmodem.module;

import dev.qmodem.data.HostOutput;
import dev.qmodem.fault.FaultException;
import dev.qmodem.fault.Faults;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.network.Radio;

import java.util.Map;

/**
 * One-shot events that happen to a module from outside, as the network or the power supply would make them
 * (docs/faults.md). Each is applied at once and marked in the trace.
 */
public final class ModuleEvents {

    /** The registration states an event may set, with their 27.007 {@code <stat>}. */
    private static final Map<String, Integer> REGISTRATION = Map.of("registered", Radio.REGISTERED_HOME,
            "searching", 2, "denied", 3, "roaming", Radio.REGISTERED_ROAMING);

    private final Faults faults;
    private final HostOutput output;
    private final PdpContexts pdp;
    private final Radio radio;
    private final ModulePower power;

    ModuleEvents(Faults faults, HostOutput output, PdpContexts pdp, Radio radio, ModulePower power) {
        this.faults = faults;
        this.output = output;
        this.pdp = pdp;
        this.radio = radio;
        this.power = power;
    }

    /** An unexpected reset: silence, volatile state lost, then the model's boot URCs. */
    public void reboot() {
        faults.injected("reboot", "reset");
        power.reboot();
    }

    /** The supply goes away: the AT port answers nothing until {@link #powerOn()}. */
    public void powerOff() {
        faults.injected("power-off", "off");
        power.powerOff();
    }

    /** The supply comes back: the module boots (boot URCs); nothing if it is on. */
    public void powerOn() {
        faults.injected("power-on", "on");
        power.powerOn();
    }

    /**
     * The network changes the registration: {@code registered}, {@code searching}, {@code denied} or
     * {@code roaming}. The CREG/CGREG/CEREG URCs the host enabled report it; losing the network ends the PDP contexts.
     */
    public void registration(String state) {
        int stat = registrationStat(state);
        faults.injected("registration", state);
        radio.registration(stat);
    }

    /** The 27.007 {@code <stat>} of a registration state; a {@link FaultException} for another word. */
    public static int registrationStat(String state) {
        Integer stat = REGISTRATION.get(state);
        if (stat == null) {
            throw new FaultException("state", "must be registered, searching, denied or roaming");
        }
        return stat;
    }

    /** The signal changes: what AT+CSQ reports ({@code <rssi>} 0-31 or 99, {@code <ber>} 0-7 or 99). */
    public void signal(int rssi, int ber) {
        requireSignal(rssi, ber);
        faults.injected("signal", rssi + "," + ber);
        radio.signal(new Radio.Signal(rssi, ber));
    }

    /**
     * The network drops the context: {@code +QIURC: "pdpdeact",<id>}, the context is inactive, and an FTP session
     * on it ends as after AT+QIDEACT ({@code +QFTPCLOSE: 605,0}). Returns false, and does nothing, if the context
     * was not active.
     */
    public boolean pdpDeactivate(int contextId) {
        if (contextId < 1 || contextId > 16) {
            throw new FaultException("context", "must be 1-16");
        }
        if (!pdp.isActive(contextId)) {
            return false;
        }
        faults.injected("pdp-deactivate", "context " + contextId);
        output.urc("+QIURC: \"pdpdeact\"," + contextId);
        pdp.deactivate(contextId);
        return true;
    }

    /** Checks a signal event's values: {@code <rssi>} 0-31 or 99, {@code <ber>} 0-7 or 99. */
    public static void requireSignal(int rssi, int ber) {
        if (!(rssi >= 0 && rssi <= 31 || rssi == 99)) {
            throw new FaultException("rssi", "must be 0-31 or 99");
        }
        if (!(ber >= 0 && ber <= 7 || ber == 99)) {
            throw new FaultException("ber", "must be 0-7 or 99");
        }
    }

    /**
     * Writes {@code text} framed as a URC, held like the module's own while a command runs or data mode is on; it
     * must be one line without control characters.
     */
    public void urc(String text) {
        requireUrcLine(text);
        faults.injected("urc", text);
        output.urc(text);
    }

    /**
     * Writes {@code text} framed as a URC at once, even while a command line runs: called as the host's line
     * arrives, it lands before that command's response, where real modules race a URC against a response.
     */
    public void urcBeforeResponse(String text) {
        requireUrcLine(text);
        faults.injected("urc", text + " (before the response)");
        output.write(output.writer().unsolicited(text));
    }

    /** Checks that {@code text} can be a URC: one non-empty line without control characters. */
    public static void requireUrcLine(String text) {
        if (text == null || text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new FaultException("text", "must be one non-empty line without control characters");
        }
    }
}
