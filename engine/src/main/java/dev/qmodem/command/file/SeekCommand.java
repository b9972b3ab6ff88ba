package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileHandles;
import dev.qmodem.fs.SeekOrigin;

/**
 * {@code AT+QFSEEK=<filehandle>,<offset>[,<position>]}: moves the handle's position {@code <offset>} bytes
 * (negative goes back) from the start (0, default), the current position (1) or the end (2); 401 past the
 * end, 400 before the start.
 */
final class SeekCommand extends FileCommand {

    private final FileHandles handles;

    SeekCommand(FileHandles handles) {
        this.handles = handles;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case SET -> {
                Args args = request.args().count(2, 3);
                int handle = (int) args.integer(0, 0, HANDLE_MAX);
                long offset = args.integer(1, Long.MIN_VALUE, Long.MAX_VALUE);
                int origin = (int) args.integer(2, 0, 2, 0);
                try {
                    handles.seek(handle, offset, SeekOrigin.ofCode(origin));
                } catch (FileError e) {
                    throw failed(e);
                }
            }
            default -> throw Params.unsupportedForm();
        }
    }
}
