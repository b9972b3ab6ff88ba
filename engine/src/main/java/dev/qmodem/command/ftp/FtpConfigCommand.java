package dev.qmodem.command.ftp;

import dev.qmodem.at.AtException;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.ModelProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code AT+QFTPCFG="<param>"[,<value>...]}: sets an FTP(S) parameter, or with the name alone reads it
 * ({@code +QFTPCFG: "filetype",0}); {@code AT+QFTPCFG="account",<username>,<password>} sets the account.
 * {@code AT+QFTPCFG=?} lists every parameter with its range, as the model's table does.
 */
public final class FtpConfigCommand extends FtpSetCommand {

    private static final String ACCOUNT = "account";

    private final FtpConfig config;
    private final int usernameLimit;
    private final int passwordLimit;

    public FtpConfigCommand(FtpConfig config, ModelProfile profile) {
        super(testLines(config));
        this.config = config;
        this.usernameLimit = profile.ftpLimits().username();
        this.passwordLimit = profile.ftpLimits().password();
    }



    private static List<String> testLines(FtpConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add("+QFTPCFG: \"account\",<username>,<password>");
        for (String name : config.parameterNames()) {
            lines.add("+QFTPCFG: \"" + name + "\"," + config.range(name).display());
        }
        return lines;
    }

    @Override
    void set(Args args, Response response) throws AtException {
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
