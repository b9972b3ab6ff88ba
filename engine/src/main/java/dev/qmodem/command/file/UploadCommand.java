package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.command.Params;
import dev.qmodem.data.DataMode;
import dev.qmodem.time.Clock;
import dev.qmodem.fs.ChecksumAlgorithm;
import dev.qmodem.fs.DataChecksum;
import dev.qmodem.fs.Drive;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.fs.StagedUpload;


/**
 * {@code AT+QFUPL=<filename>[,<file_size>[,<timeout>[,<ackmode>]]]}: {@code CONNECT}, then the host's bytes go
 * into a new file (see {@link FromHost}) until {@code <file_size>} (default 10240), {@code <timeout>} seconds
 * of silence (default 5) or {@code +++}; then {@code +QFUPL: <upload_size>,<checksum>} and {@code OK}. The file
 * appears under its name only then, whole (written aside and moved into place). 407 if the name is taken, 403
 * if {@code <file_size>} exceeds the free space.
 */
final class UploadCommand extends FileCommand {

    private static final long DEFAULT_SIZE = 10240;
    private static final long DEFAULT_TIMEOUT = 5;
    private static final long MAX_TIMEOUT = 65535;

    private final LocalStorage storage;
    private final DataMode dataMode;
    private final Clock clock;

    UploadCommand(LocalStorage storage, DataMode dataMode, Clock clock) {
        this.storage = storage;
        this.dataMode = dataMode;
        this.clock = clock;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info(testLine());
            case SET -> upload(request.args().count(1, 4), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private String testLine() throws AtException {
        try {
            return "+QFUPL: <filename>[,(1-" + storage.driveInfo(Drive.UFS).free() + ")[,(1-" + MAX_TIMEOUT
                    + ")[,(0,1)]]]";
        } catch (FileError e) {
            throw failed(e);
        }
    }

    private void upload(Args args, Response response) throws AtException {
        String name = args.string(0, NAME_ARGUMENT_MAX);
        long size = args.integer(1, 1, Long.MAX_VALUE, DEFAULT_SIZE);
        long timeout = args.integer(2, 1, MAX_TIMEOUT, DEFAULT_TIMEOUT);
        boolean ackMode = args.integer(3, 0, 1, 0) == 1;
        StagedUpload upload;
        try {
            upload = storage.beginUpload(name, size);
        } catch (FileError e) {
            throw failed(e);
        }
        try {
            FromHost.start(dataMode, new UploadSink(upload), size, timeout, ackMode, clock);
        } catch (AtException e) {
            upload.abort();
            throw e;
        }
        response.result(ResultCode.CONNECT);
    }

    /** Into the upload's hidden file, published on completion. */
    private static final class UploadSink implements FromHost.Sink {

        private final StagedUpload upload;
        private final DataChecksum checksum = ChecksumAlgorithm.QUECTEL_XOR16.create();

        UploadSink(StagedUpload upload) {
            this.upload = upload;
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws FileError {
            upload.write(bytes, off, len);
            checksum.update(bytes, off, len);
        }

        @Override
        public String complete(long received) throws FileError {
            upload.commit();
            return "+QFUPL: " + received + "," + checksum.hex();
        }

        @Override
        public void discard() {
            upload.abort();
        }
    }
}
