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
 * {@code ATSn?} reads, {@code ATSn=<v>} writes, {@code ATSn=?} shows the range of S3 (line terminator), S4 (line
 * feed), S5 (backspace) and S12 (escape guard time, fiftieths of a second). Values read as three digits, as V.250
 * shows them.
 */
public final class RegisterCommand implements AtCommandHandler {

    private final AtSettings settings;
    private final ModelProfile profile;

    public RegisterCommand(AtSettings settings, ModelProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        int register = (int) request.args().integer(0, 0, 255);
        if (settings.register(register) < 0) {
            throw AtException.error("no register S" + register);
        }
        IntRange range = profile.range("range.s" + register);
        switch (request.form()) {
            case READ -> response.info(String.format("%03d", settings.register(register)));
            case TEST -> response.info(range.display());
            case SET -> settings.register(register, Params.integer(request.args(), 1, range));
            default -> throw Params.unsupportedForm();
        }
    }
}
