package dev.qmodem.at;

import java.util.List;

/**
 * Typed access to the parameters of a set command. Every accessor checks type, range and length and throws
 * {@link AtException#invalidParameter} otherwise, so a handler states its grammar once and never checks by hand.
 */
public final class Args {

    private final List<Arg> values;

    public Args(List<Arg> values) {
        this.values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    /** The parameter as typed; an omitted one (or one past the end) is {@link Arg#OMITTED}. */
    public Arg get(int index) {
        return index < values.size() ? values.get(index) : Arg.OMITTED;
    }

    public boolean omitted(int index) {
        return get(index).omitted();
    }

    /** Fails unless the count of parameters typed is within bounds (trailing omitted ones count as typed). */
    public Args count(int min, int max) throws AtException {
        if (values.size() < min || values.size() > max) {
            throw AtException.invalidParameter("expected " + min + ".." + max + " parameters, got " + values.size());
        }
        return this;
    }

    /** A required quoted string of at most {@code maxBytes} bytes. */
    public String string(int index, int maxBytes) throws AtException {
        Arg arg = get(index);
        if (!arg.quoted()) {
            throw AtException.invalidParameter("parameter " + index + " must be a quoted string");
        }
        if (arg.text().length() > maxBytes) {
            throw AtException.invalidParameter("parameter " + index + " longer than " + maxBytes + " bytes");
        }
        return arg.text();
    }

    /** An optional quoted string; {@code fallback} when omitted. */
    public String string(int index, int maxBytes, String fallback) throws AtException {
        return omitted(index) ? fallback : string(index, maxBytes);
    }

    /** A required integer (decimal, or hex with 0x/0X) within {@code [min, max]}. */
    public long integer(int index, long min, long max) throws AtException {
        Arg arg = get(index);
        if (arg.quoted() || arg.omitted()) {
            throw AtException.invalidParameter("parameter " + index + " must be an integer");
        }
        long value = parseInteger(arg.text());
        if (value < min || value > max) {
            throw AtException.invalidParameter("parameter " + index + " out of range " + min + "-" + max);
        }
        return value;
    }

    /** An optional integer within {@code [min, max]}; {@code fallback} when omitted. */
    public long integer(int index, long min, long max, long fallback) throws AtException {
        return omitted(index) ? fallback : integer(index, min, max);
    }

    static long parseInteger(String text) throws AtException {
        try {
            if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.isEmpty() || !Character.isDigit(text.charAt(0)) && text.charAt(0) != '-') {
                throw AtException.invalidParameter("not a number: " + text);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AtException.invalidParameter("not a number: " + text);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
