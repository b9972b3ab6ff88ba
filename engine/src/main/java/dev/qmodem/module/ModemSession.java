package dev.qmodem.module;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.Dispatcher;
import dev.qmodem.at.HostOutput;
import dev.qmodem.at.LineDecoder;
import dev.qmodem.at.Response;
import dev.qmodem.at.ResponseWriter;
import dev.qmodem.at.ResultCode;
import dev.qmodem.data.DataMode;
import dev.qmodem.transport.HostLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The byte path of one host connection: host bytes go to the line decoder in command mode (echoed under ATE1) or
 * to data mode, switching right after the command that answered CONNECT, mid-buffer if need be.
 */
final class ModemSession {

    private static final Logger log = LoggerFactory.getLogger(ModemSession.class);
    private static final int READ_BUFFER = 256 * 1024;

    private final HostLink link;
    private final AtSettings settings;
    private final HostOutput output;
    private final ResponseWriter writer;
    private final DataMode dataMode;
    private final Dispatcher dispatcher;
    private final LineDecoder decoder;
    private String lastLine = "";

    ModemSession(HostLink link, AtSettings settings, HostOutput output, DataMode dataMode, Dispatcher dispatcher,
                 int maxLine) {
        this.link = link;
        this.settings = settings;
        this.output = output;
        this.writer = output.writer();
        this.dataMode = dataMode;
        this.dispatcher = dispatcher;
        this.decoder = new LineDecoder(settings, maxLine);
    }

    void run() {
        log.info("host connected: {}", link.describe());
        output.attach(link.output());
        link.onDtrDrop(this::dtrDropped);
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream in = link.input()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                process(buffer, n);
            }
        } catch (IOException e) {
            log.debug("host read ended: {}", e.toString());
        } finally {
            dataMode.hostLost();
            output.detach();
            log.info("host disconnected: {}", link.describe());
        }
    }

    private void process(byte[] buffer, int length) throws IOException {
        int off = 0;
        while (off < length) {
            if (dataMode.active()) {
                off += dataMode.fromHost(buffer, off, length - off);
                continue;
            }
            int used = decoder.feed(buffer, off, length - off);
            if (settings.echo()) {
                echo(buffer, off, used);
            }
            off += used;
            switch (decoder.event()) {
                case LINE -> execute(decoder.takeLine());
                case REPEAT -> execute(lastLine);
                case OVERLONG -> answer(null);
                case NONE -> { }
            }
        }
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
