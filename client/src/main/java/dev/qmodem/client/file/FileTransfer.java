package dev.qmodem.client.file;

/** A finished {@code AT+QFUPL} or {@code AT+QFDWL}: the bytes moved and the module's checksum, both verified. */
public record FileTransfer(long length, int checksum) {
}
