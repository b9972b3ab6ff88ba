package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;

/**
 * {@code AT+QFDEL=<name_pattern>}: deletes a file, or every match of a pattern ({@code "*"} all of UFS,
 * {@code "RAM:*"} all of RAM); 405 for a plain name that is not there, 418 if a matching file is open.
 */
final class DeleteFilesCommand extends FileCommand {

    private final LocalStorage storage;

    DeleteFilesCommand(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case SET -> {
                try {
                    storage.delete(request.args().count(1, 1).string(0, NAME_ARGUMENT_MAX));
                } catch (FileError e) {
                    throw failed(e);
                }
            }
            default -> throw Params.unsupportedForm();
        }
    }
}
