package dev.qmodem.fs;

/**
 * The Quectel FILE error codes: the number is what {@code AT+CMEE=1} prints after {@code +CME ERROR:}. The text
 * {@code AT+CMEE=2} prints is the profile's ({@code error.<number>}), the one table of error texts.
 */
public enum FileErrorCode {
    INVALID_INPUT_VALUE(400),
    LARGER_THAN_FILE_SIZE(401),
    READ_ZERO_BYTE(402),
    DRIVE_FULL(403),
    FILE_NOT_FOUND(405),
    INVALID_FILE_NAME(406),
    FILE_ALREADY_EXISTS(407),
    FAIL_TO_WRITE(409),
    FAIL_TO_OPEN(410),
    FAIL_TO_READ(411),
    TOO_MANY_OPEN_FILES(413),
    READ_ONLY(414),
    INVALID_DESCRIPTOR(416),
    FAIL_TO_LIST(417),
    FAIL_TO_DELETE(418),
    FAIL_TO_GET_DISK_INFO(419),
    NO_SPACE(420),
    TIME_OUT(421),
    FILE_TOO_LARGE(423),
    INVALID_PARAMETER(425),
    FILE_ALREADY_OPENED(426);

    private final int number;

    FileErrorCode(int number) {
        this.number = number;
    }

    /** The numeric code, e.g. 405. */
    public int number() {
        return number;
    }
}
