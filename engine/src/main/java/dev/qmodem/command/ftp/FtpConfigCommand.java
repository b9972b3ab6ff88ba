package dev.qmodem.command.ftp;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.ModelProfile;

/**
 * {@code AT+QFTPCFG="<param>"[,<value>...]}: sets an FTP(S) parameter, or with the name alone reads it
 * ({@code +QFTPCFG: "filetype",0}); {@code AT+QFTPCFG="account",<username>,<password>} sets the account.
 * {@code AT+QFTPCFG=?} lists every parameter with its range, as the model's table does.
 */
public final class FtpConfigCommand implements AtCommandHandler {

    private static final String ACCOUNT = "account";

    private final FtpConfig config;
    private final int usernameLimit;
    private final int passwordLimit;

    public FtpConfigCommand(FtpConfig config, ModelProfile profile) {
        this.config = config;
        this.usernameLimit = profile.limit("ftp.limit.username");
        this.passwordLimit = profile.limit("ftp.limit.password");
    }

    @Override
    public int parameterError() {
        return FtpErrorCodes.INVALID_PARAMETER;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> {
                response.info("+QFTPCFG: \"account\",<username>,<password>");
                for (String name : config.parameterNames()) {
                    response.info("+QFTPCFG: \"" + name + "\"," + config.range(name).display());
                }
            }
            case SET -> set(request.args(), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args, Response response) throws AtException {
        String name = args.string(0, 32);
        if (name.equals(ACCOUNT)) {
            args.count(1, 3);
            if (args.size() == 1) {
                response.info("+QFTPCFG: \"account\",\"" + config.username() + "\",\"" + config.password() + "\"");
            } else {
                config.account(args.string(1, usernameLimit), args.string(2, passwordLimit));
            }
            return;
        }
        if (!config.has(name)) {
            throw AtException.invalidParameter("no FTP parameter " + name);
        }
        args.count(1, 2);
        if (args.size() == 1) {
            response.info("+QFTPCFG: \"" + name + "\"," + config.get(name));
        } else {
            config.set(name, Params.integer(args, 1, config.range(name)));
        }
    }
}
