package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileHandles;

/**
 * A command on one open handle, {@code AT+<name>=<filehandle>}: {@code AT+QFPOSITION} answers
 * {@code +QFPOSITION: <offset>}, {@code AT+QFTUCAT} cuts the file at the position, {@code AT+QFCLOSE} closes it.
 * 416 for a number that is not an open handle.
 */
final class HandleCommand extends FileCommand {

    /** What the command does to the handle; returns its information line, or null for none. */
    @FunctionalInterface
    interface Operation {
        String run(FileHandles handles, int handle) throws FileError;
    }

    private final FileHandles handles;
    private final Operation operation;

    HandleCommand(FileHandles handles, Operation operation) {
        this.handles = handles;
        this.operation = operation;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case SET -> {
                int handle = (int) request.args().count(1, 1).integer(0, 0, HANDLE_MAX);
                try {
                    String line = operation.run(handles, handle);
                    if (line != null) {
                        response.info(line);
                    }
                } catch (FileError e) {
                    throw failed(e);
                }
            }
            default -> throw Params.unsupportedForm();
        }
    }
}
