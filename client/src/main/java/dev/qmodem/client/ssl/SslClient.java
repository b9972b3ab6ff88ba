package dev.qmodem.client.ssl;

import dev.qmodem.client.at.AtChannel;
import dev.qmodem.client.at.AtResponse;
import dev.qmodem.client.at.Fields;
import dev.qmodem.client.at.ModemException;
import java.util.List;

/** SSL contexts ({@code AT+QSSLCFG}) that FTPS sessions name with {@code sslctxid} / {@code data_sslctxid}. */
public final class SslClient {

    private final AtChannel channel;

    /** An SSL client over {@code channel}. */
    public SslClient(AtChannel channel) {
        this.channel = channel;
    }

    /** Sends each setting of {@code config} for SSL context {@code context} (0-5). */
    public void configure(int context, SslConfig config) throws ModemException {
        for (String line : config.commands(context)) {
            channel.send(line);
        }
    }

    /**
     * {@code AT+QSSLCFG=<name>,<context>}: a setting's current value as the module prints it, unquoted, e.g.
     * {@code "4"} for {@code "sslversion"}.
     */
    public String get(int context, String name) throws ModemException {
        AtResponse response = channel.send("AT+QSSLCFG=\"" + name + "\"," + context);
        String line = response.line("+QSSLCFG:").orElseThrow(() ->
                new ModemException("AT+QSSLCFG", "no +QSSLCFG line in " + response, null));
        List<String> fields = Fields.of(line);
        return fields.size() > 2 ? String.join(",", fields.subList(2, fields.size())) : "";
    }
}
