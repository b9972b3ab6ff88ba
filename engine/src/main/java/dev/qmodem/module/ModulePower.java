package dev.qmodem.module;

import dev.qmodem.command.PowerControl;

import dev.qmodem.time.Clock;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The module's power lifecycle: on, off, or booting. While not on the AT port answers nothing (host bytes are
 * dropped) and URCs are silenced. Powering off loses the volatile state; booting takes the profile's boot time and
 * ends with the model's boot URCs. Commands ({@code AT+CFUN=1,1}, {@code AT+QPOWD}) and outside events (a control
 * API) drive it through the same methods.
 */
final class ModulePower implements PowerControl {

    enum State { ON, OFF, BOOTING }

    /** What a power cycle does to the rest of the module. */
    interface Parts {
        /** Stops what runs and forgets volatile state: sessions, active contexts, open handles. Output is silenced. */
        void lose();

        /** Power-on values of the settings, then the URCs flow again. */
        void restore();

        /** Where the boot URCs go. */
        void urc(String line);
    }

    private final Parts parts;
    private final Clock clock;
    private final long bootMillis;
    private final List<String> bootUrcs;
    private State state = State.ON;
    private Clock.Timer boot;

    ModulePower(Parts parts, Clock clock, long bootMillis, List<String> bootUrcs) {
        this.parts = parts;
        this.clock = clock;
        this.bootMillis = bootMillis;
        this.bootUrcs = List.copyOf(bootUrcs);
    }

    synchronized State state() {
        return state;
    }

    /** Whether the AT port listens: host bytes that arrive otherwise are dropped. */
    synchronized boolean on() {
        return state == State.ON;
    }

    @Override
    public void reboot() {
        powerOff();
        powerOn();
    }

    @Override
    public void powerOff() {
        synchronized (this) {
            if (boot != null) {
                boot.cancel();
                boot = null;
            }
            if (state == State.OFF) {
                return;
            }
            state = State.OFF;
        }
        parts.lose();
    }

    /** Boots a module that is off: silent for the boot time, then the boot URCs. Nothing if it is not off. */
    synchronized void powerOn() {
        if (state != State.OFF) {
            return;
        }
        state = State.BOOTING;
        boot = clock.schedule(this::booted, bootMillis, TimeUnit.MILLISECONDS);
    }

    private void booted() {
        synchronized (this) {
            if (state != State.BOOTING) {
                return;
            }
            boot = null;
            parts.restore();
            state = State.ON;
        }
        bootUrcs.forEach(parts::urc);
    }
}
