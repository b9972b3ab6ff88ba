package dev.qmodem.command;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.profile.IntRange;

/** Parameter access against profile ranges, so handlers state a range once, by its profile key. */
public final class Params {

    private Params() {
    }

    public static int integer(Args args, int index, IntRange range) throws AtException {
        return (int) args.integer(index, range.min(), range.max());
    }

    public static int integer(Args args, int index, IntRange range, int fallback) throws AtException {
        return (int) args.integer(index, range.min(), range.max(), fallback);
    }

    /** A range that admits only listed values, such as AT+IPR's rates, checked value by value. */
    public static int listed(Args args, int index, IntRange range, String listing) throws AtException {
        int value = integer(args, index, range);
        for (String allowed : listing.split(",")) {
            if (Integer.parseInt(allowed.trim()) == value) {
                return value;
            }
        }
        throw AtException.invalidParameter(value + " is not one of " + listing);
    }

    /** Fails for a form the command does not have. */
    public static AtException unsupportedForm() {
        return AtException.error("form not supported");
    }
}
