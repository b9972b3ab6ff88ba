package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.command.Params;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;

import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * {@code AT+QFDWL=<filename>}: {@code CONNECT}, the file's bytes, then {@code +QFDWL: <download_size>,<checksum>}
 * and {@code OK} (see {@link ToHost}). 405 if there is no such file.
 */
final class DownloadCommand extends FileCommand {

    private final LocalStorage storage;
    private final DataMode dataMode;
    private final Executor worker;

    DownloadCommand(LocalStorage storage, DataMode dataMode, Executor worker) {
        this.storage = storage;
        this.dataMode = dataMode;
        this.worker = worker;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QFDWL: <filename>");
            case SET -> download(request.args().count(1, 1).string(0, NAME_ARGUMENT_MAX), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void download(String name, Response response) throws AtException {
        InputStream file;
        try {
            file = storage.openRead(name, 0);
        } catch (FileError e) {
            throw failed(e);
        }
        ToHost.start(dataMode, file, -1, "+QFDWL", worker);
        response.result(ResultCode.CONNECT);
    }
}
