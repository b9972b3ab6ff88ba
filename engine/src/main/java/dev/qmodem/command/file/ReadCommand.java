package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileHandles;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * {@code AT+QFREAD=<filehandle>[,<length>]}: {@code CONNECT <read_length>}, that many bytes from the handle's
 * position (all up to the end without {@code <length>}; {@code CONNECT 0} at the end of the file), then
 * {@code OK}. 416 for no such handle.
 */
final class ReadCommand extends FileCommand {

    private final FileHandles handles;
    private final DataMode dataMode;
    private final Executor worker;

    ReadCommand(FileHandles handles, DataMode dataMode, Executor worker) {
        this.handles = handles;
        this.dataMode = dataMode;
        this.worker = worker;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case SET -> {
                Args args = request.args().count(1, 2);
                int handle = (int) args.integer(0, 0, HANDLE_MAX);
                long wanted = args.integer(1, 0, Long.MAX_VALUE, Long.MAX_VALUE);
                long length;
                try {
                    length = Math.min(wanted, handles.remaining(handle));
                } catch (FileError e) {
                    throw failed(e);
                }
                ToHost.start(dataMode, new HandleInput(handles, handle), length, null, worker);
                response.connect(Long.toString(length));
            }
            default -> throw Params.unsupportedForm();
        }
    }

    /** Reads at the handle's position, moving it; closing leaves the handle open. */
    private static final class HandleInput extends InputStream {

        private final FileHandles handles;
        private final int handle;

        HandleInput(FileHandles handles, int handle) {
            this.handles = handles;
            this.handle = handle;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = handles.read(handle, buffer, off, len);
            return n == 0 ? -1 : n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
