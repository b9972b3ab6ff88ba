package dev.qmodem.at;

/** The four forms of a command: {@code AT+X=?}, {@code AT+X?}, {@code AT+X=...}, {@code AT+X}. */
public enum CommandForm {
    TEST, READ, SET, EXECUTE
}
