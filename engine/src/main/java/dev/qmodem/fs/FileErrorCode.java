package dev.qmodem.fs;

/**
 * The Quectel FILE error codes: the number is what {@code AT+CMEE=1} prints after {@code +CME ERROR:},
 * the text what {@code AT+CMEE=2} prints.
 */
public enum FileErrorCode {
    INVALID_INPUT_VALUE(400, "Invalid input value"),
    LARGER_THAN_FILE_SIZE(401, "Larger than the size of the file"),
    READ_ZERO_BYTE(402, "Read zero byte"),
    DRIVE_FULL(403, "Drive full"),
    FILE_NOT_FOUND(405, "File not found"),
    INVALID_FILE_NAME(406, "Invalid file name"),
    FILE_ALREADY_EXISTS(407, "File already existed"),
    FAIL_TO_WRITE(409, "Fail to write the file"),
    FAIL_TO_OPEN(410, "Fail to open the file"),
    FAIL_TO_READ(411, "Fail to read the file"),
    TOO_MANY_OPEN_FILES(413, "Reach the max number of file allowed to be opened"),
    READ_ONLY(414, "The file read only"),
    INVALID_DESCRIPTOR(416, "Invalid file descriptor"),
    FAIL_TO_LIST(417, "Fail to list the file"),
    FAIL_TO_DELETE(418, "Fail to delete the file"),
    FAIL_TO_GET_DISK_INFO(419, "Fail to get disk info"),
    NO_SPACE(420, "No space"),
    TIME_OUT(421, "Time out"),
    FILE_TOO_LARGE(423, "File too large"),
    INVALID_PARAMETER(425, "Invalid parameter"),
    FILE_ALREADY_OPENED(426, "File already opened");

    private final int number;
    private final String text;

    FileErrorCode(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The numeric code, e.g. 405. */
    public int number() {
        return number;
    }

    /** The verbose text, e.g. "File not found". */
    public String text() {
        return text;
    }
}
