package dev.qmodem.fs;

import java.io.IOException;

/**
 * A local file operation failed for a reason the module reports as a Quectel FILE error code.
 * It is an {@link IOException} so that the streams handed out by {@link LocalStorage} can throw it as is.
 */
public final class FileError extends IOException {

    private final FileErrorCode code;

    public FileError(FileErrorCode code) {
        super(code.number() + " " + code.name());
        this.code = code;
    }

    public FileError(FileErrorCode code, String detail) {
        super(code.number() + " " + code.name() + ": " + detail);
        this.code = code;
    }

    public FileError(FileErrorCode code, Throwable cause) {
        super(code.number() + " " + code.name() + ": " + cause.getMessage(), cause);
        this.code = code;
    }

    public FileErrorCode code() {
        return code;
    }
}
