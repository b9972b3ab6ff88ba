package dev.qmodem.fault;

/** A fault or event with a field that is missing or out of range; {@link #field()} names it. */
public final class FaultException extends IllegalArgumentException {

    private final String field;

    public FaultException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
