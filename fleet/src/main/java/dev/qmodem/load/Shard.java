package dev.qmodem.load;

/**
 * Part {@code index} of {@code count} of a fleet, written {@code i/N}: shard i runs module ids
 * {@code [i*total/N, (i+1)*total/N)}, so N processes (pods) together run every module once.
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/N with 0 <= i < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("a shard is i/N (e.g. 3/10), got '" + text + "'");
    }

    /** The first module id of this shard in a fleet of {@code total}. */
    public int firstId(int total) {
        return (int) ((long) index * total / count);
    }

    /** How many modules this shard runs in a fleet of {@code total}. */
    public int size(int total) {
        return (int) ((long) (index + 1) * total / count) - firstId(total);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
