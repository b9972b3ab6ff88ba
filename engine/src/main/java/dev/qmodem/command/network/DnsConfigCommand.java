package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.network.HostResolver;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.util.regex.Pattern;

/**
 * {@code AT+QIDNSCFG=<contextID>[,"<pridnsaddr>"[,"<secdnsaddr>"]]}: sets a context's DNS servers; with the ID alone
 * reads them as {@code +QIDNSCFG: <contextID>,"<pri>","<sec>"}. Stored and shown only: lookups go through the
 * machine's resolver.
 */
public final class DnsConfigCommand implements AtCommandHandler {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final int MAX_ADDRESS = 45;

    private final HostResolver resolver;
    private final IntRange ids;

    public DnsConfigCommand(HostResolver resolver, ModelProfile profile) {
        this.resolver = resolver;
        this.ids = profile.range("pdp.contexts");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QIDNSCFG: " + ids.display() + ",<pridnsaddr>,<secdnsaddr>");
            case SET -> set(request.args().count(1, 3), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args, Response response) throws AtException {
        int id = Params.integer(args, 0, ids);
        if (args.size() == 1) {
            HostResolver.DnsServers servers = resolver.servers(id);
            response.info("+QIDNSCFG: " + id + ",\"" + servers.primary() + "\",\"" + servers.secondary() + "\"");
            return;
        }
        String primary = address(args, 1, null);
        String secondary = address(args, 2, resolver.servers(id).secondary());
        resolver.servers(id, new HostResolver.DnsServers(primary, secondary));
    }

    private static String address(Args args, int index, String fallback) throws AtException {
        String text = fallback == null ? args.string(index, MAX_ADDRESS) : args.string(index, MAX_ADDRESS, fallback);
        if (!IPV4.matcher(text).matches()) {
            throw AtException.invalidParameter("not an IPv4 address");
        }
        return text;
    }
}
