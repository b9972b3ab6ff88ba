package dev.qmodem.profile;

/**
 * An inclusive range of integers with the text a test command prints for it, such as {@code (0-5)} or {@code (0,1)}.
 */
public record IntRange(long min, long max, String display) {

    /** Parses {@code "0-5"} or {@code "0,1"} (a list of consecutive values) from profile data. */
    public static IntRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-', 1);
        if (dash > 0) {
            return new IntRange(Long.parseLong(t.substring(0, dash)), Long.parseLong(t.substring(dash + 1)), "(" + t + ")");
        }
        String[] values = t.split(",");
        long min = Long.parseLong(values[0].trim());
        long max = Long.parseLong(values[values.length - 1].trim());
        return new IntRange(min, max, "(" + t + ")");
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return display;
    }
}
