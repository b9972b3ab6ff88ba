package dev.qmodem.at;

/** V.250 final result codes with their verbose text and numeric form (ATV0). */
public enum ResultCode {
    OK("OK", 0),
    CONNECT("CONNECT", 1),
    RING("RING", 2),
    NO_CARRIER("NO CARRIER", 3),
    ERROR("ERROR", 4),
    NO_DIALTONE("NO DIALTONE", 6),
    BUSY("BUSY", 7),
    NO_ANSWER("NO ANSWER", 8);

    private final String text;
    private final int number;

    ResultCode(String text, int number) {
        this.text = text;
        this.number = number;
    }

    public String text() {
        return text;
    }

    public int number() {
        return number;
    }
}
