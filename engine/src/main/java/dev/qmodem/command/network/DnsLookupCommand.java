package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.network.HostResolver;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code AT+QIDNSGIP=<contextID>,"<hostname>"}: answers OK, then resolves through the module's resolver (host
 * aliases first) and reports {@code +QIDNSGIP: 0,<IP_count>,<DNS_ttl>} and one {@code +QIDNSGIP: "<address>"} per
 * address; a failure is {@code +QIDNSGIP: <err>} (565 not resolved or timed out, 561 the context is not active).
 * One lookup at a time: another while one runs answers ERROR.
 */
public final class DnsLookupCommand implements AtCommandHandler {

    private static final int PDP_NOT_ACTIVE = 561;
    private static final int PARSE_FAILED = 565;
    private static final int MAX_HOST = 255;

    private final HostResolver resolver;
    private final PdpContexts contexts;
    private final Consumer<String> urc;
    private final Executor lookups;
    private final IntRange ids;
    private final long timeoutMillis;
    private final long ttl;
    private final AtomicBoolean running = new AtomicBoolean();

    public DnsLookupCommand(HostResolver resolver, PdpContexts contexts, Consumer<String> urc, Executor lookups,
                            ModelProfile profile) {
        this.resolver = resolver;
        this.contexts = contexts;
        this.urc = urc;
        this.lookups = lookups;
        this.ids = profile.range("pdp.contexts");
        this.timeoutMillis = profile.number("dns.timeout.ms");
        this.ttl = profile.number("dns.ttl");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QIDNSGIP: " + ids.display() + ",<hostname>");
            case SET -> lookUp(request.args().count(2, 2));
            default -> throw Params.unsupportedForm();
        }
    }

    private void lookUp(Args args) throws AtException {
        int id = Params.integer(args, 0, ids);
        String host = args.string(1, MAX_HOST);
        if (host.isEmpty()) {
            throw AtException.invalidParameter("empty host name");
        }
        if (!running.compareAndSet(false, true)) {
            throw AtException.error("a lookup is running");
        }
        if (!contexts.isActive(id)) {
            report(List.of("+QIDNSGIP: " + PDP_NOT_ACTIVE));
            return;
        }
        CompletableFuture.supplyAsync(() -> resolved(host), lookups)
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> List.of("+QIDNSGIP: " + PARSE_FAILED))
                .thenAccept(this::report);
    }

    private List<String> resolved(String host) {
        try {
            List<String> addresses = resolver.ipv4(host);
            return Stream.concat(
                    Stream.of("+QIDNSGIP: 0," + addresses.size() + "," + ttl),
                    addresses.stream().map(a -> "+QIDNSGIP: \"" + a + "\"")).toList();
        } catch (UnknownHostException e) {
            return List.of("+QIDNSGIP: " + PARSE_FAILED);
        }
    }

    private void report(List<String> lines) {
        running.set(false);
        lines.forEach(urc);
    }
}
