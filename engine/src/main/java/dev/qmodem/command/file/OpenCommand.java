package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileHandles;
import dev.qmodem.fs.OpenHandle;
import dev.qmodem.fs.OpenMode;

/**
 * {@code AT+QFOPEN=<filename>[,<mode>]}: {@code +QFOPEN: <filehandle>}; mode 0 (default) creates or opens,
 * 1 creates or empties, 2 opens read-only. {@code AT+QFOPEN?}: {@code +QFOPEN: "<filename>",<filehandle>,<mode>}
 * per open handle.
 */
final class OpenCommand extends FileCommand {

    private static final String NAME = "+QFOPEN";

    private final FileHandles handles;

    OpenCommand(FileHandles handles) {
        this.handles = handles;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info(NAME + ": <filename>[,(0-2)]");
            case READ -> {
                for (OpenHandle open : handles.list()) {
                    response.info(NAME + ": \"" + open.displayName() + "\"," + open.handle() + "," + open.mode().code());
                }
            }
            case SET -> {
                Args args = request.args().count(1, 2);
                String name = args.string(0, NAME_ARGUMENT_MAX);
                int mode = (int) args.integer(1, 0, 2, 0);
                try {
                    response.info(NAME + ": " + handles.open(name, OpenMode.ofCode(mode)));
                } catch (FileError e) {
                    throw failed(e);
                }
            }
            default -> throw Params.unsupportedForm();
        }
    }
}
