package dev.qmodem.command;

/** What the power commands ({@code AT+CFUN=1,1}, {@code AT+QPOWD}) ask of the module as a whole. */
public interface PowerControl {

    /**
     * Resets the module: it goes silent at once, forgets its volatile state, and after its boot time prints its
     * boot URCs. The command's own answer, already decided, still goes out first.
     */
    void reboot();

    /** Powers the module down: the AT port answers nothing until it is powered on again. */
    void powerOff();
}
