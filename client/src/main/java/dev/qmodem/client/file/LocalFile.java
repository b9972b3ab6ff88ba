package dev.qmodem.client.file;

/** One {@code +QFLST: <filename>,<file_size>} entry: a file on the module, e.g. {@code RAM:a.txt} or {@code a.txt}. */
public record LocalFile(String name, long size) {
}
