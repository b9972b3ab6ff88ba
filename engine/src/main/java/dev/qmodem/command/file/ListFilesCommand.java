package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.FileEntry;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;

/**
 * {@code AT+QFLST[=<name_pattern>]}: one {@code +QFLST: "<filename>",<file_size>} line per matching file
 * ({@code "*"}, the default, lists UFS; {@code "RAM:*"} the RAM drive), nothing if none match.
 */
final class ListFilesCommand extends FileCommand {

    private final LocalStorage storage;

    ListFilesCommand(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        String pattern = switch (request.form()) {
            case TEST -> null;
            case SET -> request.args().count(1, 1).string(0, NAME_ARGUMENT_MAX);
            case EXECUTE -> "*";
            default -> throw Params.unsupportedForm();
        };
        if (pattern == null) {
            return;
        }
        try {
            for (FileEntry entry : storage.list(pattern)) {
                response.info("+QFLST: \"" + entry.displayName() + "\"," + entry.size());
            }
        } catch (FileError e) {
            throw failed(e);
        }
    }
}
