package dev.qmodem.command.basic;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+CMEE=[<n>]}: how errors read. 0 {@code ERROR}, 1 {@code +CME ERROR: <code>} (default), 2
 * {@code +CME ERROR: <text>}. {@code AT+CMEE?} shows {@code +CMEE: <n>}; {@code AT+CMEE=?} the range.
 */
public final class CmeeCommand implements Ts27007Command {

    private final AtSettings settings;
    private final IntRange range;

    public CmeeCommand(AtSettings settings, ModelProfile profile) {
        this.settings = settings;
        this.range = profile.range("range.cmee");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case READ -> response.info("+CMEE: " + settings.cmee());
            case TEST -> response.info("+CMEE: " + range.display());
            case SET -> settings.cmee(Params.integer(request.args().count(0, 1), 0, range, 0));
            case EXECUTE -> settings.cmee(0);
        }
    }
}
