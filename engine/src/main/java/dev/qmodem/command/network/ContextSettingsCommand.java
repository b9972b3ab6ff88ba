package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.network.PdpContext;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QICSGP=<contextID>[,<context_type>,<APN>[,<username>[,<password>]][,<authentication>]]}: configures a
 * PDP context; with the context ID alone it reads {@code +QICSGP: <type>,"<APN>","<user>","<pass>",<auth>}.
 * Both documents' forms are accepted: the BG95/BG77 six-parameter one ({@code 1,1,"CMNBIOT","","",1}) and the UC20
 * example's five ({@code 1,1,"UNINET","",1}): a trailing unquoted integer is the authentication and the strings
 * before it are username then password.
 */
public final class ContextSettingsCommand implements AtCommandHandler {

    private static final int MAX_TEXT = 100;

    private final PdpContexts contexts;
    private final IntRange ids;
    private final IntRange types;
    private final IntRange authentications;

    public ContextSettingsCommand(PdpContexts contexts, ModelProfile profile) {
        this.contexts = contexts;
        this.ids = profile.range("pdp.contexts");
        this.types = profile.range("pdp.context_type");
        this.authentications = profile.range("pdp.authentication");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QICSGP: " + ids.display() + "," + types.display()
                    + ",<APN>,<username>,<password>," + authentications.display());
            case SET -> set(request.args().count(1, 6), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args, Response response) throws AtException {
        int id = Params.integer(args, 0, ids);
        if (args.size() == 1) {
            PdpContext c = contexts.configuration(id);
            response.info("+QICSGP: " + c.type() + ",\"" + c.apn() + "\",\"" + c.username() + "\",\""
                    + c.password() + "\"," + c.authentication());
            return;
        }
        int type = Params.integer(args, 1, types);
        String apn = args.string(2, MAX_TEXT);
        int last = args.size() - 1;
        boolean trailingAuthentication = last >= 3 && !args.get(last).quoted() && !args.omitted(last);
        int stringsEnd = trailingAuthentication ? last : args.size();
        if (stringsEnd > 5) {
            throw AtException.invalidParameter("too many strings");
        }
        String username = stringsEnd > 3 ? args.string(3, MAX_TEXT, "") : "";
        String password = stringsEnd > 4 ? args.string(4, MAX_TEXT, "") : "";
        int authentication = trailingAuthentication ? Params.integer(args, last, authentications) : 0;
        contexts.configure(id, new PdpContext(type, apn, username, password, authentication));
    }
}
