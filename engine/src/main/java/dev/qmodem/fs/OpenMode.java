package dev.qmodem.fs;

/** The {@code <mode>} of {@code AT+QFOPEN}. */
public enum OpenMode {
    /** 0: create the file if absent, else open it as it is; read and write. */
    CREATE_OR_OPEN(0),
    /** 1: create the file if absent, else empty it; read and write. */
    CREATE_OR_TRUNCATE(1),
    /** 2: open an existing file for reading only. */
    READ_ONLY(2);

    private final int code;

    OpenMode(int code) {
        this.code = code;
    }

    /** The number used on the AT line. */
    public int code() {
        return code;
    }

    /** @throws FileError {@link FileErrorCode#INVALID_PARAMETER} for a number other than 0, 1, 2 */
    public static OpenMode ofCode(int code) throws FileError {
        for (OpenMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        throw new FileError(FileErrorCode.INVALID_PARAMETER, "open mode " + code);
    }
}
