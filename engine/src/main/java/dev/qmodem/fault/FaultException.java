package dev.qmodem.fault;

/** A fault or event with a field that is missing or out of range; {@link #field()} names it. */
public final class FaultException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public FaultException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The same problem with its field named inside {@code parent}: {@code fault.baud}, {@code steps[2].at}. */
    public FaultException within(String parent) {
        return new FaultException(parent + "." + field, problem);
    }

    public String field() {
        return field;
    }
}
