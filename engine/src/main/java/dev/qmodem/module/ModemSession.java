package dev.qmodem.module;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.Dispatcher;
import dev.qmodem.data.HostOutput;
import dev.qmodem.at.LineDecoder;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResponseWriter;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataMode;
import dev.qmodem.data.HostRouter;
import dev.qmodem.time.Clock;
import dev.qmodem.transport.HostLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * Command mode of one host connection: the bytes the {@link HostRouter} does not give to data mode go to the line
 * decoder (echoed under ATE1), and each line runs with URCs held until its response is out.
 */
final class ModemSession implements HostRouter.CommandMode {

    private static final Logger log = LoggerFactory.getLogger(ModemSession.class);

    private final HostLink link;
    private final AtSettings settings;
    private final HostOutput output;
    private final ResponseWriter writer;
    private final DataMode dataMode;
    private final Dispatcher dispatcher;
    private final LineDecoder decoder;
    private final HostRouter router;
    private String lastLine = "";

    ModemSession(HostLink link, AtSettings settings, HostOutput output, DataMode dataMode, Dispatcher dispatcher,
                 int maxLine, Clock clock) {
        this.link = link;
        this.settings = settings;
        this.output = output;
        this.writer = output.writer();
        this.dataMode = dataMode;
        this.dispatcher = dispatcher;
        this.decoder = new LineDecoder(settings, maxLine);
        this.router = new HostRouter(dataMode, this, clock);
    }

    void run() {
        log.info("host connected: {}", link.describe());
        output.attach(link.output(), link.channel());
        link.onDtrDrop(this::dtrDropped);
        try (InputStream in = link.input()) {
            router.readFrom(in, link.channel());
        } catch (IOException e) {
            log.debug("host read ended: {}", e.toString());
        } finally {
            // Detached first: a transfer that the host's loss ends (an upload keeps its bytes) reports a URC at
            // once on another thread, which must wait for the next host instead of going to the gone one.
            output.detach();
            dataMode.hostLost();
            log.info("host disconnected: {}", link.describe());
        }
    }

    @Override
    public int feed(byte[] buffer, int off, int length) {
        int used = decoder.feed(buffer, off, length);
        if (settings.echo()) {
            echo(buffer, off, used);
        }
        switch (decoder.event()) {
            case LINE -> execute(decoder.takeLine());
            case REPEAT -> execute(lastLine);
            case OVERLONG -> answer(null);
            case NONE -> { }
        }
        return used;
    }

    /** Echoes what the host typed, except the line feeds the decoder drops. */
    private void echo(byte[] buffer, int off, int len) {
        byte lf = settings.lineFeed();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (buffer[i] == lf) {
                output.write(buffer, start, i - start);
                start = i + 1;
            }
        }
        output.write(buffer, start, off + len - start);
    }

    private void execute(String line) {
        lastLine = line;
        answer(line);
    }

    /** Runs a line (null: an overlong one, answered ERROR) with URCs held until its response is out. */
    private void answer(String line) {
        output.hold();
        try {
            Response response;
            if (line == null) {
                response = new Response();
                response.error(AtException.PLAIN_ERROR);
            } else {
                response = dispatcher.execute(line);
                if (response == null) {
                    return;
                }
            }
            String finalLine = response.errorCode() != null
                    ? writer.errorLine(response.errorCode())
                    : writer.resultLine(response.result(), response.resultDetail());
            output.write(writer.format(response.info(), finalLine, response.afterFinal()));
            if (response.result() == ResultCode.CONNECT) {
                dataMode.activate();
            }
        } finally {
            output.release();
        }
    }

    private void dtrDropped() {
        if (settings.dtrMode() > 0) {
            dataMode.dtrDropped();
        }
    }
}
