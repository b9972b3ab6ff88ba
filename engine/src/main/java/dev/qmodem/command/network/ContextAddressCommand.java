package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code AT+CGPADDR[=<cid>[,<cid>...]]}: {@code +CGPADDR: <cid>,<address>} for the given contexts, or every defined
 * one; an inactive context shows {@code 0.0.0.0}. The test form lists the defined context IDs.
 */
public final class ContextAddressCommand implements Ts27007Command {

    private final PdpContexts contexts;
    private final IntRange ids;

    public ContextAddressCommand(PdpContexts contexts, ModelProfile profile) {
        this.contexts = contexts;
        this.ids = profile.range("pdp.contexts");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+CGPADDR: (" + contexts.defined().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ")");
            case EXECUTE -> contexts.defined().forEach(id -> response.info(line(id)));
            case SET -> requested(request.args()).forEach(id -> response.info(line(id)));
            case READ -> throw Params.unsupportedForm();
        }
    }

    private List<Integer> requested(Args args) throws AtException {
        List<Integer> requested = new ArrayList<>();
        args.count(1, (int) ids.max());
        for (int i = 0; i < args.size(); i++) {
            requested.add(Params.integer(args, i, ids));
        }
        return requested;
    }

    private String line(int id) {
        String address = contexts.address(id);
        return "+CGPADDR: " + id + "," + (address == null ? "0.0.0.0" : address);
    }
}
