package dev.qmodem.load;

/** A step that did not do what it should; {@link #error()} is how the report counts it ({@code 609}, {@code ERROR}, ...). */
final class StepFailure extends Exception {

    private final String error;

    StepFailure(String error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    String error() {
        return error;
    }
}
