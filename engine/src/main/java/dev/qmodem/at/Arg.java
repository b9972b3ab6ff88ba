package dev.qmodem.at;

/**
 * One parameter of a set command as typed: a quoted string (escapes resolved), an unquoted token, or omitted.
 */
public record Arg(String text, boolean quoted) {

    static final Arg OMITTED = new Arg("", false);

    public boolean omitted() {
        return !quoted && text.isEmpty();
    }
}
