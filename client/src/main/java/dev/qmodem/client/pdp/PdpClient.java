package dev.qmodem.client.pdp;

import static dev.qmodem.client.at.AtCommand.quote;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.Fields;
import dev.qmodem.client.at.ModemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** PDP contexts: {@code AT+QICSGP} to configure, {@code AT+QIACT} / {@code AT+QIDEACT} to bring them up and down. */
public final class PdpClient {

    // the TCP/IP manuals' maximum response times: 150 s to activate, 40 s to deactivate
    private static final Duration ACTIVATE = Duration.ofSeconds(150);
    private static final Duration DEACTIVATE = Duration.ofSeconds(40);

    private final AtChannel channel;

    /** A PDP client over {@code channel}. */
    public PdpClient(AtChannel channel) {
        this.channel = channel;
    }

    /** {@code AT+QICSGP=<id>,<type>,<apn>,<username>,<password>,<authentication>}. */
    public void configure(int contextId, PdpConfig config) throws ModemException {
        channel.send("AT+QICSGP=" + contextId + "," + config.type().code() + "," + quote(config.apn()) + ","
                + quote(config.username()) + "," + quote(config.password()) + ","
                + config.authentication().ordinal());
    }

    /** {@code AT+QIACT=<id>}. */
    public void activate(int contextId) throws ModemException {
        channel.send("AT+QIACT=" + contextId, ACTIVATE);
    }

    /** {@code AT+QIDEACT=<id>}. */
    public void deactivate(int contextId) throws ModemException {
        channel.send("AT+QIDEACT=" + contextId, DEACTIVATE);
    }

    /** {@code AT+QIACT?}: the active contexts and their addresses. */
    public List<ActiveContext> active() throws ModemException {
        List<ActiveContext> contexts = new ArrayList<>();
        for (String line : channel.send("AT+QIACT?").lines("+QIACT:")) {
            List<String> f = Fields.of(line);
            contexts.add(new ActiveContext((int) Fields.number(f, 0, line), (int) Fields.number(f, 1, line),
                    (int) Fields.number(f, 2, line), f.size() > 3 ? f.get(3) : ""));
        }
        return contexts;
    }
}
