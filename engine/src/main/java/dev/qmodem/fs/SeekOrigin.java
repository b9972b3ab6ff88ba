package dev.qmodem.fs;

/** The {@code <position>} of {@code AT+QFSEEK}: where the offset counts from. */
public enum SeekOrigin {
    START(0),
    CURRENT(1),
    END(2);

    private final int code;

    SeekOrigin(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws FileError {@link FileErrorCode#INVALID_PARAMETER} for a number other than 0, 1, 2 */
    public static SeekOrigin ofCode(int code) throws FileError {
        for (SeekOrigin origin : values()) {
            if (origin.code == code) {
                return origin;
            }
        }
        throw new FileError(FileErrorCode.INVALID_PARAMETER, "seek origin " + code);
    }
}
