package dev.qmodem.client.at;

import java.util.List;
import java.util.Optional;

/**
 * What the module answered to one command: its information lines, its final result code, the outcome line if one
 * was expected (see {@link AtCommand#expecting}), and how many data bytes moved in data mode.
 */
public final class AtResponse {

    private final List<String> lines;
    private final String result;
    private final String outcome;
    private final long dataLength;

    AtResponse(List<String> lines, String result, String outcome, long dataLength) {
        this.lines = List.copyOf(lines);
        this.result = result;
        this.outcome = outcome;
        this.dataLength = dataLength;
    }

    /** Information lines in order, without echo, empty lines or URCs. */
    public List<String> lines() {
        return lines;
    }

    /** The first information line starting with {@code prefix}. */
    public Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** Every information line starting with {@code prefix}. */
    public List<String> lines(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The final result code line: {@code OK}, or {@code CONNECT} for a command without data handling. */
    public String result() {
        return result;
    }

    /** The expected outcome line (e.g. {@code +QFTPCWD: 0,0}); empty if none was expected. */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Data bytes received or sent in data mode, as counted by the client. */
    public long dataLength() {
        return dataLength;
    }

    @Override
    public String toString() {
        return "AtResponse" + lines + " " + result + (outcome == null ? "" : " then " + outcome);
    }
}
