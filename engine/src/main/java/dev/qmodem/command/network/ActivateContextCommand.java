package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QIACT=<contextID>} activates a PDP context ({@code ERROR} if the ID is out of range, the context is
 * already active, or three are); {@code AT+QIACT?} lists active ones as {@code +QIACT: 1,1,1,"10.7.157.1"}
 * (ID, state, type, address); {@code AT+QIACT=?} shows the ID range.
 */
public final class ActivateContextCommand implements AtCommandHandler {

    private final PdpContexts contexts;
    private final IntRange ids;

    public ActivateContextCommand(PdpContexts contexts, ModelProfile profile) {
        this.contexts = contexts;
        this.ids = profile.range("pdp.contexts");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QIACT: " + ids.display());
            case READ -> contexts.activations().forEach(a -> response.info(
                    "+QIACT: " + a.contextId() + ",1," + a.type() + ",\"" + a.address() + "\""));
            case SET -> {
                if (!contexts.activate(Params.integer(request.args().count(1, 1), 0, ids))) {
                    throw AtException.error("context already active or too many active");
                }
            }
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }
}
