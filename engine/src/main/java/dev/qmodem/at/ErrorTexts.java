package dev.qmodem.at;

/** Text of a {@code +CME ERROR} code, shown under AT+CMEE=2. */
@FunctionalInterface
public interface ErrorTexts {
    String text(int code);
}
