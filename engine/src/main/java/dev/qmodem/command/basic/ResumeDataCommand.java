package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.ResultCode;
import dev.qmodem.at.Response;
import dev.qmodem.data.DataMode;

/**
 * {@code ATO[0]}: back to data mode after a {@code +++} escape, for a transfer that allows it (downloads and
 * listings, not uploads). {@code CONNECT} and the data continues; {@code NO CARRIER} when there is nothing to resume.
 */
public final class ResumeDataCommand implements AtCommandHandler {

    private final DataMode dataMode;

    public ResumeDataCommand(DataMode dataMode) {
        this.dataMode = dataMode;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        request.args().integer(0, 0, 0, 0);
        response.result(dataMode.resume() ? ResultCode.CONNECT : ResultCode.NO_CARRIER);
    }
}
