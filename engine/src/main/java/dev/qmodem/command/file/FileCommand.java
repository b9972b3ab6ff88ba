package dev.qmodem.command.file;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;

/**
 * What the FILE commands share: malformed parameters answer {@code +CME ERROR: 425} (invalid parameter), a
 * storage failure its own FILE error code.
 */
abstract class FileCommand implements AtCommandHandler {

    /** Names are judged by the storage (406 for a bad one); this only bounds what the parser hands over. */
    static final int NAME_ARGUMENT_MAX = 1024;

    /** Handle numbers are ints; anything larger is no handle (416), not a malformed parameter. */
    static final long HANDLE_MAX = Integer.MAX_VALUE;

    @Override
    public int parameterError() {
        return FileErrorCode.INVALID_PARAMETER.number();
    }

    static AtException failed(FileError e) {
        return AtException.cme(e.code().number());
    }

    /** A transfer cannot enter data mode: a plain {@code ERROR} while an escaped transfer still holds it. */
    static AtException dataModeBusy() {
        return AtException.error("data mode held by an escaped transfer");
    }
}
