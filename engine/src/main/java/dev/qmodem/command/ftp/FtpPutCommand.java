package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.Pump;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.UploadConnection;
import dev.qmodem.profile.ModelProfile;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code AT+QFTPPUT=<file_name>,"COM:"[,<startpos>[,<uploadlen>,<beof>]]}: uploads what the host sends in data mode
 * (see {@link UploadFromHost}); {@code AT+QFTPPUT=<file_name>,<local_name>[,<startpos>]} uploads a local file from
 * {@code <startpos>}, which is also the server offset (REST). URC {@code +QFTPPUT: 0,<transferlen>} or
 * {@code +QFTPPUT: <err>,<protocol_error>}.
 */
public final class FtpPutCommand extends FtpSetCommand {

    private static final String URC = "+QFTPPUT";

    private final FtpService service;
    private final DataMode dataMode;
    private final LocalStorage storage;
    private final Downloads downloads;
    private final int fileLimit;
    private final int localLimit;

    FtpPutCommand(FtpService service, DataMode dataMode, LocalStorage storage, Downloads downloads,
                  ModelProfile profile) {
        super(URC + ": <file_name>,<local_name>,<startpos>,<uploadlen>,<beof>");
        this.service = service;
        this.dataMode = dataMode;
        this.storage = storage;
        this.downloads = downloads;
        this.fileLimit = profile.ftpLimits().file();
        this.localLimit = profile.ftpLimits().local();
    }



    @Override
    void set(Args args, Response response) throws AtException {
        args.count(2, 5);
        String file = FtpParams.wireText(args, 0, fileLimit);
        String local = args.string(1, localLimit);
        long start = args.integer(2, 0, Long.MAX_VALUE, 0);
        if (Downloads.isHost(local)) {
            if (args.size() == 4) {
                throw AtException.invalidParameter("<uploadlen> needs <beof>");
            }
            long limit = args.integer(3, 1, Long.MAX_VALUE, -1);
            boolean lastPart = args.integer(4, 0, 1, 1) == 1;
            fromHost(response, file, start, limit, lastPart);
        } else {
            args.count(2, 3);
            fromFile(file, local, start);
        }
    }

    private void fromHost(Response response, String file, long start, long limit, boolean lastPart)
            throws AtException {
        PausedUpload paused = service.continueUpload(file, start);
        UploadConnection upload;
        if (paused != null) {
            upload = paused.upload();
        } else {
            upload = TransferOperation.openNow(service, URC, session -> session.store(file, start));
            if (upload == null) {
                return;
            }
        }
        UploadFromHost handler = new UploadFromHost(service, dataMode, upload, file, start, limit, lastPart,
                service.config().get("rsptimeout"));
        service.transferStarted(handler::cancel, handler::taken);
        response.result(ResultCode.CONNECT);
    }

    private void fromFile(String file, String local, long start) throws AtException {
        downloads.checkLocalName(local);
        TransferOperation.onWorker(service, URC, session -> {
            try (InputStream source = storage.openRead(local, start)) {
                UploadConnection upload = session.store(file, start);
                service.transferStarted(upload::abort, upload::bytesTransferred);
                try {
                    long sent = Pump.copy(source, upload.data(), -1);
                    upload.complete();
                    return Outcome.success(sent);
                } catch (IOException e) {
                    upload.abort();
                    return Transfers.failure(e);
                }
            } catch (FileError e) {
                return Outcome.failed(e.code() == FileErrorCode.LARGER_THAN_FILE_SIZE
                        ? FtpErrors.BAD_FILE_POSITION : FtpErrors.OPEN_FILE_FAILED);
            }
        });
    }
}
