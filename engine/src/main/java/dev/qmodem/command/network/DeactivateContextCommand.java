package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QIDEACT=<contextID>}: deactivates a PDP context (OK also when it was not active, as real modules
 * answer); services using it, such as an open FTP session, close and report it.
 */
public final class DeactivateContextCommand implements AtCommandHandler {

    private final PdpContexts contexts;
    private final IntRange ids;

    public DeactivateContextCommand(PdpContexts contexts, ModelProfile profile) {
        this.contexts = contexts;
        this.ids = profile.range("pdp.contexts");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        if (request.form() == CommandForm.TEST) {
            response.info("+QIDEACT: " + ids.display());
        } else if (request.form() == CommandForm.SET) {
            contexts.deactivate(Params.integer(request.args().count(1, 1), 0, ids));
        } else {
            throw Params.unsupportedForm();
        }
    }
}
