package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.command.Params;
import dev.qmodem.data.DataMode;
import dev.qmodem.time.Clock;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.fs.FileHandles;
import dev.qmodem.fs.OpenHandle;
import dev.qmodem.fs.OpenMode;


/**
 * {@code AT+QFWRITE=<filehandle>,<length>[,<timeout>]}: {@code CONNECT}, then the host's bytes are written at the
 * handle's position (see {@link FromHost}) until {@code <length>}, {@code <timeout>} seconds of silence (default
 * 5) or {@code +++}; then {@code +QFWRITE: <written_length>,<total_length>} and {@code OK}. 416 for no such
 * handle, 414 for a read-only one, both before {@code CONNECT}.
 */
final class WriteCommand extends FileCommand {

    private static final long DEFAULT_TIMEOUT = 5;
    private static final long MAX_TIMEOUT = 65535;

    private final FileHandles handles;
    private final DataMode dataMode;
    private final Clock clock;

    WriteCommand(FileHandles handles, DataMode dataMode, Clock clock) {
        this.handles = handles;
        this.dataMode = dataMode;
        this.clock = clock;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case SET -> {
                Args args = request.args().count(2, 3);
                int handle = (int) args.integer(0, 0, HANDLE_MAX);
                long length = args.integer(1, 1, Long.MAX_VALUE);
                long timeout = args.integer(2, 1, MAX_TIMEOUT, DEFAULT_TIMEOUT);
                checkWritable(handle);
                FromHost.start(dataMode, new HandleSink(handles, handle), length, timeout, false, clock);
                response.result(ResultCode.CONNECT);
            }
            default -> throw Params.unsupportedForm();
        }
    }

    private void checkWritable(int handle) throws AtException {
        for (OpenHandle open : handles.list()) {
            if (open.handle() == handle) {
                if (open.mode() == OpenMode.READ_ONLY) {
                    throw AtException.cme(FileErrorCode.READ_ONLY.number());
                }
                return;
            }
        }
        throw AtException.cme(FileErrorCode.INVALID_DESCRIPTOR.number());
    }

    /** Straight into the open file: what was written stays, whatever happens next. */
    private record HandleSink(FileHandles handles, int handle) implements FromHost.Sink {

        @Override
        public void write(byte[] bytes, int off, int len) throws FileError {
            handles.write(handle, bytes, off, len);
        }

        @Override
        public String complete(long received) throws FileError {
            return "+QFWRITE: " + received + "," + handles.size(handle);
        }

        @Override
        public void discard() {
            // bytes written before the failure stay in the file, as the file system wrote them
        }
    }
}
