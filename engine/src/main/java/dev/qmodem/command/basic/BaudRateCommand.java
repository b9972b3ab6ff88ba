package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+IPR=<rate>}: the serial port's baud rate. Stored and read back ({@code +IPR: 115200}); the byte pipes
 * qmodem serves have no baud rate of their own, so the value changes nothing on the wire.
 */
public final class BaudRateCommand implements AtCommandHandler {

    private final AtSettings settings;
    private final IntRange range;
    private final String listing;

    public BaudRateCommand(AtSettings settings, ModelProfile profile) {
        this.settings = settings;
        this.range = profile.range("range.ipr");
        this.listing = profile.text("range.ipr");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case READ -> response.info("+IPR: " + settings.baudRate());
            case TEST -> response.info("+IPR: " + range.display());
            case SET -> settings.baudRate(Params.listed(request.args().count(1, 1), 0, range, listing));
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }
}
