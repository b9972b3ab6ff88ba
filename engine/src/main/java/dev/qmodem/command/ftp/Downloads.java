package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.DataModeHandler;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.FtpSession;
import dev.qmodem.ftp.DownloadConnection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * What AT+QFTPGET, AT+QFTPLIST, AT+QFTPNLST and AT+QFTPMLSD share: a download from the server to the host in data
 * mode ({@code COM:}: CONNECT, the bytes, OK, then the URC; resumable by ATO after {@code +++}) or to a local file
 * (OK, then the URC once the file holds the bytes; a failure leaves exactly the bytes received).
 */
final class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    /** Opens the data transfer on the session: RETR with REST, LIST, NLST or MLSD. */
    @FunctionalInterface
    interface Opener {
        DownloadConnection open(FtpSession session) throws FtpFailure;
    }

    static final String COM = "COM:";

    private final FtpService service;
    private final DataMode dataMode;
    private final LocalStorage storage;

    Downloads(FtpService service, DataMode dataMode, LocalStorage storage) {
        this.service = service;
        this.dataMode = dataMode;
        this.storage = storage;
    }

    static boolean isHost(String localName) {
        return COM.equalsIgnoreCase(localName);
    }

    /** Checks a local name before anything starts: a malformed name (or RAM: where there is none) is 610. */
    void checkLocalName(String localName) throws AtException {
        try {
            storage.checkName(localName);
        } catch (FileError e) {
            throw AtException.cme(FtpErrors.INVALID_PARAMETER);
        }
    }

    /**
     * To the host: waits (within rsptimeout) for the data connection, then answers CONNECT and pumps on the
     * service's worker. If the data connection cannot be opened it answers OK and the URC carries the error.
     */
    void toHost(Response response, String urcName, Opener opener, long limit) throws AtException {
        FtpSession session = service.begin(FtpService.Phase.TRANSFER);
        DownloadConnection transfer;
        try {
            service.applyFileType(session);
            transfer = opener.open(session);
        } catch (FtpFailure f) {
            log.debug("{}: no data connection", urcName, f);
            service.finish();
            service.urc(urcName + ": " + f.err() + "," + f.protocolError());
            return;
        }
        DataLink link = dataMode.open(new ToHost(transfer));
        service.transferStarted(() -> {
            transfer.abort();
            link.abandon();
        }, transfer::bytesTransferred);
        response.result(ResultCode.CONNECT);
        service.execute(() -> {
            String result = Transfers.download(transfer, link.toHost(), limit, FtpErrors.CONNECTION_ABORTED);
            link.end(List.of(), ResultCode.OK);
            service.finish();
            service.urc(urcName + ": " + result);
        });
    }

    /** To a local file: OK now, the URC when done. */
    void toFile(String urcName, Opener opener, String localName) throws AtException {
        checkLocalName(localName);
        FtpSession session = service.begin(FtpService.Phase.TRANSFER);
        service.execute(() -> {
            String result;
            try {
                service.applyFileType(session);
                DownloadConnection transfer = opener.open(session);
                service.transferStarted(transfer::abort, transfer::bytesTransferred);
                try (OutputStream file = storage.createFile(localName)) {
                    result = Transfers.download(transfer, file, -1, FtpErrors.FILE_ERROR);
                } catch (FileError e) {
                    transfer.abort();
                    result = FtpErrors.OPEN_FILE_FAILED + ",0";
                }
            } catch (FtpFailure f) {
                result = f.err() + "," + f.protocolError();
            } catch (IOException e) {
                result = FtpErrors.FILE_ERROR + ",0";
            }
            service.finish();
            service.urc(urcName + ": " + result);
        });
    }

    /** The host's side of a download: its bytes are ignored, +++ pauses (ATO resumes), hanging up aborts. */
    private record ToHost(DownloadConnection transfer) implements DataModeHandler {

        @Override
        public int fromHost(byte[] bytes, int off, int len) {
            return len;
        }

        @Override
        public boolean escaped() {
            return true;
        }

        @Override
        public void hostLost() {
            transfer.abort();
        }
    }
}
