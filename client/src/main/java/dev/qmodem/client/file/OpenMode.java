package dev.qmodem.client.file;

/** {@code <mode>} of {@code AT+QFOPEN}. */
public enum OpenMode {
    /** 0: open the file, creating it if absent. */
    CREATE_OR_OPEN,
    /** 1: create the file, emptying it if present. */
    CREATE_OR_TRUNCATE,
    /** 2: open an existing file read-only. */
    READ_ONLY
}
