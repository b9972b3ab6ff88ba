package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.Response;

/** {@code AT&F[0]} and {@code ATZ[0]}: restore the terminal settings to their factory values. */
public final class FactoryDefaultsCommand implements AtCommandHandler {

    private final AtSettings settings;

    public FactoryDefaultsCommand(AtSettings settings) {
        this.settings = settings;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        request.args().integer(0, 0, 0, 0);
        settings.restoreDefaults();
    }
}
