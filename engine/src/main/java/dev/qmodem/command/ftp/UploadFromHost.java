package dev.qmodem.command.ftp;

import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataLink;
import dev.qmodem.data.DataModeHandler;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.ftp.FtpFailure;
import dev.qmodem.ftp.UploadConnection;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AT+QFTPPUT from {@code COM:}: the host's data-mode bytes go straight to the data connection (a slow server slows
 * the host). The upload ends at {@code <uploadlen>}, at {@code +++}, after rsptimeout of silence (609), or when
 * the host goes away; the module answers OK at once and {@code +QFTPPUT: <err>,<value>} once the server has
 * confirmed. With {@code <beof>}=0 the data connection stays open for the next part. If the server fails
 * mid-upload the host's remaining bytes are still taken (and dropped) so they never turn into commands.
 */
final class UploadFromHost implements DataModeHandler {

    private enum End { LENGTH, ESCAPE, TIMEOUT, HOST_LOST }

    private final FtpService service;
    private final UploadConnection upload;
    private final String file;
    private final long startPosition;
    private final long limit;
    private final boolean lastPart;
    private final long timeoutNanos;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long taken;
    private volatile long lastInputAt = System.nanoTime();
    private volatile IOException failure;
    private DataLink link;
    private ScheduledFuture<?> watchdog;

    UploadFromHost(FtpService service, UploadConnection upload, String file, long startPosition, long limit, boolean lastPart,
                   long timeoutSeconds) {
        this.service = service;
        this.upload = upload;
        this.file = file;
        this.startPosition = startPosition;
        this.limit = limit;
        this.lastPart = lastPart;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    /** Starts taking data through the link, with the silence watchdog. */
    void attach(DataLink dataLink) {
        link = dataLink;
        long period = Math.max(50, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 10);
        watchdog = service.timer().scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
    }

    long taken() {
        return taken;
    }

    @Override
    public int fromHost(byte[] bytes, int off, int len) {
        int take = limit < 0 ? len : (int) Math.min(len, limit - taken);
        if (failure == null) {
            try {
                upload.data().write(bytes, off, take);
            } catch (IOException e) {
                failure = e;
            }
        }
        taken += take;
        lastInputAt = System.nanoTime();
        if (limit >= 0 && taken >= limit) {
            end(End.LENGTH);
        }
        return take;
    }

    @Override
    public boolean escaped() {
        end(End.ESCAPE);
        return false;
    }

    @Override
    public void hostLost() {
        end(End.HOST_LOST);
    }

    /** AT+QFTPCLOSE or a lost PDP context while the host is still sending: the upload is dropped. */
    void cancel() {
        if (ended.compareAndSet(false, true)) {
            watchdog.cancel(false);
            upload.abort();
            link.abandon();
        }
    }

    private void checkSilence() {
        if (System.nanoTime() - lastInputAt > timeoutNanos) {
            end(End.TIMEOUT);
        }
    }

    private void end(End how) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        watchdog.cancel(false);
        if (how != End.HOST_LOST) {
            link.end(List.of(), ResultCode.OK);
        }
        service.execute(() -> report(how));
    }

    private void report(End how) {
        if (failure != null) {
            upload.abort();
            service.finish();
            service.urc("+QFTPPUT: " + Transfers.failure(failure));
            return;
        }
        if (how == End.LENGTH && !lastPart) {
            service.pauseUpload(new PausedUpload(file, upload, startPosition + taken));
            service.urc("+QFTPPUT: 0," + taken);
            return;
        }
        String result;
        try {
            upload.complete();
            result = how == End.TIMEOUT ? FtpErrors.TIMEOUT + ",0" : "0," + taken;
        } catch (FtpFailure f) {
            result = f.err() + "," + f.protocolError();
        }
        service.finish();
        service.urc("+QFTPPUT: " + result);
    }
}
