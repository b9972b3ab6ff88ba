package dev.qmodem.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The module's resolver: the configured host aliases first (as a hosts file, e.g. the documents' host names to
 * 127.0.0.1), then the machine's resolver, which is the module's network. Also keeps the DNS servers each PDP
 * context reports (AT+QIDNSCFG); lookups do not use them, the machine's resolver answers.
 */
public final class HostResolver {

    /** A context's DNS servers as AT+QIDNSCFG shows them. */
    public record DnsServers(String primary, String secondary) {
    }

    private final Map<String, String> aliases;
    private final DnsServers defaults;
    private final Map<Integer, DnsServers> servers = new TreeMap<>();

    public HostResolver(Map<String, String> aliases, DnsServers defaults) {
        this.aliases = Map.copyOf(aliases);
        this.defaults = defaults;
    }

    /** The IPv4 addresses of a host name or literal; blocks on the machine's resolver for names not aliased. */
    public List<String> ipv4(String host) throws UnknownHostException {
        String alias = aliases.get(host);
        InetAddress[] found = InetAddress.getAllByName(alias != null ? alias : host);
        List<String> addresses = Arrays.stream(found).filter(Inet4Address.class::isInstance)
                .map(InetAddress::getHostAddress).distinct().toList();
        if (addresses.isEmpty()) {
            throw new UnknownHostException("no IPv4 address for " + host);
        }
        return addresses;
    }

    public synchronized DnsServers servers(int contextId) {
        return servers.getOrDefault(contextId, defaults);
    }

    public synchronized void servers(int contextId, DnsServers configured) {
        servers.put(contextId, configured);
    }
}
