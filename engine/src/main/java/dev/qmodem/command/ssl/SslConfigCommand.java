package dev.qmodem.command.ssl;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.ModelProfile;

import java.util.stream.Collectors;

/**
 * {@code AT+QSSLCFG="<param>",<sslctxID>[,<value>]}: sets a parameter of an SSL context, or without the value reads
 * it ({@code +QSSLCFG: "seclevel",1,0}). Numbers: {@code sslversion}, {@code seclevel}, {@code ignorelocaltime},
 * {@code negotiatetime}, {@code sni}; {@code ciphersuite} is a hex code ({@code 0xFFFF} all); {@code cacert},
 * {@code clientcert} and {@code clientkey} are local file names. {@code AT+QSSLCFG=?} lists every parameter with
 * its ranges. Wrong parameters answer {@code ERROR}, as the SSL manuals say.
 */
public final class SslConfigCommand implements AtCommandHandler {

    private static final String PREFIX = "+QSSLCFG: \"";

    private final SslConfig config;
    private final String cipherSuiteFormat;
    private final int fileNameLimit;

    public SslConfigCommand(SslConfig config, ModelProfile profile) {
        this.config = config;
        this.cipherSuiteFormat = profile.text("ssl.format.ciphersuite");
        this.fileNameLimit = profile.limit("ssl.limit.file");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> {
                for (String name : config.parameterNames()) {
                    response.info(PREFIX + name + "\"," + config.contexts().display() + "," + valueRange(name));
                }
            }
            case SET -> set(request.args(), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private String valueRange(String name) {
        if (SslConfig.FILE_PARAMETERS.contains(name)) {
            return "<" + name + "path>";
        }
        if (name.equals(SslConfig.CIPHER_SUITE)) {
            return config.cipherSuites().stream().map(code -> String.format(cipherSuiteFormat, code)).collect(Collectors.joining(",", "(", ")"));
        }
        return config.range(name).display();
    }

    private void set(Args args, Response response) throws AtException {
        args.count(2, 3);
        String name = args.string(0, 32);
        if (!config.has(name)) {
            throw AtException.invalidParameter("no SSL parameter " + name);
        }
        int context = Params.integer(args, 1, config.contexts());
        if (args.size() == 2) {
            response.info(PREFIX + name + "\"," + context + "," + display(name, config.get(context, name)));
            return;
        }
        config.set(context, name, value(args, name));
    }

    private Object value(Args args, String name) throws AtException {
        if (SslConfig.FILE_PARAMETERS.contains(name)) {
            return args.string(2, fileNameLimit);
        }
        if (name.equals(SslConfig.CIPHER_SUITE)) {
            int code = (int) args.integer(2, 0, 0xFFFF);
            if (!config.knowsCipherSuite(code)) {
                throw AtException.invalidParameter("unknown cipher suite " + Integer.toHexString(code));
            }
            return code;
        }
        return Params.integer(args, 2, config.range(name));
    }

    private String display(String name, Object value) {
        if (SslConfig.FILE_PARAMETERS.contains(name)) {
            return "\"" + value + "\"";
        }
        return name.equals(SslConfig.CIPHER_SUITE) ? String.format(cipherSuiteFormat, value) : value.toString();
    }
}
