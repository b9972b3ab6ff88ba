package dev.qmodem.fs;

/** A drive of the module's flash: UFS (persistent, every model) and RAM (volatile, only where configured). */
public enum Drive {
    UFS("UFS:"),
    RAM("RAM:");

    private final String prefix;

    Drive(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix that selects this drive in a local name, e.g. {@code "RAM:"}. */
    public String prefix() {
        return prefix;
    }

    /** How {@code AT+QFLST} shows a file of this drive: UFS files bare, RAM files with their prefix. */
    public String displayName(String name) {
        return this == UFS ? name : prefix + name;
    }
}
