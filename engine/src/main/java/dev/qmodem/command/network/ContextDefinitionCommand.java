package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.network.PdpContext;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.util.List;

/**
 * {@code AT+CGDCONT=<cid>[,<PDP_type>[,<APN>[,...]]]}: defines a PDP context, the same contexts AT+QICSGP configures
 * (type and APN are shared; its username, password and authentication stay); {@code AT+CGDCONT=<cid>} alone
 * undefines it. {@code AT+CGDCONT?} lists the defined contexts in the model's format, with the address of an
 * active one ({@code 0.0.0.0} otherwise).
 */
public final class ContextDefinitionCommand implements Ts27007Command {

    /** {@code <PDP_type>} names by AT+QICSGP's {@code <context_type>} 1, 2, 3. */
    private static final List<String> TYPES = List.of("IP", "IPV6", "IPV4V6");
    private static final int MAX_APN = 100;
    private static final int MAX_PARAMETERS = 12;

    private final PdpContexts contexts;
    private final IntRange ids;
    private final String format;
    private final String testTail;

    public ContextDefinitionCommand(PdpContexts contexts, ModelProfile profile) {
        this.contexts = contexts;
        this.ids = profile.range("pdp.contexts");
        this.format = profile.text("pdp.format.cgdcont");
        this.testTail = profile.text("pdp.cgdcont.test_tail");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> TYPES.forEach(type -> response.info("+CGDCONT: " + ids.display() + ",\"" + type + "\"" + testTail));
            case READ -> {
                for (int id : contexts.defined()) {
                    PdpContext context = contexts.configuration(id);
                    String address = contexts.address(id);
                    response.info(String.format(format, id, TYPES.get(context.type() - 1), context.apn(),
                            address == null ? "0.0.0.0" : address));
                }
            }
            case SET -> set(request.args().count(1, MAX_PARAMETERS));
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args) throws AtException {
        int id = Params.integer(args, 0, ids);
        if (args.size() == 1) {
            contexts.undefine(id);
            return;
        }
        int type = TYPES.indexOf(args.string(1, 6).toUpperCase()) + 1;
        if (type == 0) {
            throw AtException.invalidParameter("unknown PDP type " + args.get(1).text());
        }
        String apn = args.string(2, MAX_APN, "");
        PdpContext old = contexts.configuration(id);
        contexts.configure(id, new PdpContext(type, apn, old.username(), old.password(), old.authentication()));
    }
}
