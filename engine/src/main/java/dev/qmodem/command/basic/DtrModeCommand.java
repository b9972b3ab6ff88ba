package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT&D[<n>]}: what a DTR drop does. 0 ignores it; 1 and 2 leave data mode as {@code +++} does (qmodem keeps
 * the transfer, like &amp;D1; where a transport cannot see DTR the setting has no effect).
 */
public final class DtrModeCommand implements AtCommandHandler {

    private final AtSettings settings;
    private final ModelProfile profile;

    public DtrModeCommand(AtSettings settings, ModelProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        settings.dtrMode(request.form() == CommandForm.SET ? Params.integer(request.args(), 0, profile.range("range.dtr")) : 0);
    }
}
