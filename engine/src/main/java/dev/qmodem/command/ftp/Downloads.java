package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.Outflow;
import dev.qmodem.data.Pump;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.DownloadConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * What AT+QFTPGET, AT+QFTPLIST, AT+QFTPNLST and AT+QFTPMLSD share: a download from the server to the host in data
 * mode ({@code COM:}: CONNECT, the bytes, OK, then the URC; resumable by ATO after {@code +++}) or to a local file
 * (OK, then the URC once the file holds the bytes; a failure leaves exactly the bytes received).
 */
final class Downloads {

    /** Opens the data transfer on the session: RETR with REST, LIST, NLST or MLSD. */
    @FunctionalInterface
    interface Opener extends TransferOperation.Opener<DownloadConnection> {
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
        DownloadConnection transfer = TransferOperation.openNow(service, urcName, opener);
        if (transfer == null) {
            return;
        }
        DataLink link = Outflow.start(dataMode, transfer.data(), limit, null, true, transfer::abort, service::execute,
                (flow, sent, failure) -> {
                    Outcome outcome = Transfers.endDownload(transfer, sent, failure, limit, FtpErrors.CONNECTION_ABORTED);
                    flow.end(List.of(), ResultCode.OK);
                    TransferOperation.report(service, urcName, outcome);
                });
        // the flow's end waits for CONNECT, which is answered after this returns: registered before any finish()
        service.transferStarted(() -> {
            transfer.abort();
            link.abandon();
        }, transfer::bytesTransferred);
        response.result(ResultCode.CONNECT);
    }

    /** To a local file: OK now, the URC when done. */
    void toFile(String urcName, Opener opener, String localName) throws AtException {
        checkLocalName(localName);
        TransferOperation.onWorker(service, urcName, session -> {
            DownloadConnection transfer = opener.open(session);
            service.transferStarted(transfer::abort, transfer::bytesTransferred);
            try (OutputStream file = storage.createFile(localName)) {
                long copied = 0;
                IOException failure = null;
                try {
                    copied = Pump.copy(transfer.data(), file, -1);
                } catch (IOException e) {
                    failure = e;
                }
                return Transfers.endDownload(transfer, copied, failure, -1, FtpErrors.FILE_ERROR);
            } catch (FileError e) {
                transfer.abort();
                return Outcome.failed(FtpErrors.OPEN_FILE_FAILED);
            }
        });
    }
}
