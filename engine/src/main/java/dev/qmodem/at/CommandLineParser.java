package dev.qmodem.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the body of a command line (what follows {@code AT}) into commands, per ITU-T V.250 5.3-5.4:
 * basic commands ({@code E0}, {@code &D2}, {@code S3=13}) may follow each other directly; extended commands
 * ({@code +NAME}) are separated by {@code ;} and come in four forms; parameters are quoted strings with {@code \HH}
 * escapes, integers (decimal, {@code 0x} hex) or omitted. Spaces outside quoted strings are ignored and letters
 * outside them are case-insensitive. Any syntax error is a plain {@code ERROR}.
 */
public final class CommandLineParser {

    private final String text;
    private int pos;

    private CommandLineParser(String text) {
        this.text = text;
    }

    /** Parses a command line body; an empty body is an empty list (plain {@code AT}). */
    public static List<AtRequest> parse(String body) throws AtException {
        return new CommandLineParser(body).commands();
    }

    private List<AtRequest> commands() throws AtException {
        List<AtRequest> result = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                return result;
            }
            char c = text.charAt(pos);
            if (c == ';') {
                pos++;
            } else if (c == '+') {
                result.add(extended());
            } else {
                result.add(basic());
            }
        }
    }

    private AtRequest extended() throws AtException {
        int start = pos++;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start + 1) {
            throw AtException.error("empty extended command name");
        }
        String name = text.substring(start, pos).toUpperCase(Locale.ROOT);
        skipSpaces();
        if (startsWith("=?")) {
            pos += 2;
            return endOfCommand(new AtRequest(name, CommandForm.TEST, new Args(List.of())));
        }
        if (startsWith("?")) {
            pos++;
            return endOfCommand(new AtRequest(name, CommandForm.READ, new Args(List.of())));
        }
        if (startsWith("=")) {
            pos++;
            return new AtRequest(name, CommandForm.SET, new Args(arguments()));
        }
        return endOfCommand(new AtRequest(name, CommandForm.EXECUTE, new Args(List.of())));
    }

    /** After an extended command without parameters only {@code ;} or the end of the line may follow. */
    private AtRequest endOfCommand(AtRequest request) throws AtException {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) != ';') {
            throw AtException.error("unexpected text after " + request.name());
        }
        return request;
    }

    private List<Arg> arguments() throws AtException {
        List<Arg> args = new ArrayList<>();
        while (true) {
            args.add(argument());
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) == ';') {
                return args;
            }
            if (text.charAt(pos) != ',') {
                throw AtException.error("expected ',' at " + pos);
            }
            pos++;
        }
    }

    private Arg argument() throws AtException {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return new Arg(quotedString(), true);
        }
        int start = pos;
        while (pos < text.length() && ",;\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos).strip();
        if (pos < text.length() && text.charAt(pos) == '"') {
            throw AtException.error("quote inside an unquoted parameter");
        }
        return token.isEmpty() ? Arg.OMITTED : new Arg(token, false);
    }

    private String quotedString() throws AtException {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && pos + 1 < text.length() && isHex(text.charAt(pos)) && isHex(text.charAt(pos + 1))) {
                value.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                pos += 2;
            } else {
                value.append(c);
            }
        }
        throw AtException.error("unterminated string");
    }

    private AtRequest basic() throws AtException {
        char c = Character.toUpperCase(text.charAt(pos++));
        String name;
        if (c == '&') {
            if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
                throw AtException.error("bad & command");
            }
            name = "&" + Character.toUpperCase(text.charAt(pos++));
        } else if (Character.isLetter(c)) {
            name = String.valueOf(c);
        } else {
            throw AtException.error("unexpected character " + (int) c);
        }
        if (name.equals("S")) {
            return register();
        }
        String number = digits();
        if (startsWith("?") || startsWith("=")) {
            throw AtException.error("basic command " + name + " takes only a number");
        }
        return number.isEmpty()
                ? new AtRequest(name, CommandForm.EXECUTE, new Args(List.of()))
                : new AtRequest(name, CommandForm.SET, new Args(List.of(new Arg(number, false))));
    }

    /** {@code Sn?}, {@code Sn=v}, {@code Sn=?}: the register number is the first argument. */
    private AtRequest register() throws AtException {
        String number = digits();
        if (number.isEmpty()) {
            throw AtException.error("S without register number");
        }
        Arg register = new Arg(number, false);
        skipSpaces();
        if (startsWith("=?")) {
            pos += 2;
            return new AtRequest("S", CommandForm.TEST, new Args(List.of(register)));
        }
        if (startsWith("?")) {
            pos++;
            return new AtRequest("S", CommandForm.READ, new Args(List.of(register)));
        }
        if (startsWith("=")) {
            pos++;
            skipSpaces();
            String value = digits();
            if (value.isEmpty()) {
                throw AtException.error("S register without value");
            }
            return new AtRequest("S", CommandForm.SET, new Args(List.of(register, new Arg(value, false))));
        }
        throw AtException.error("S register without ? or =");
    }

    private String digits() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "!%-./:_".indexOf(c) >= 0);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
