package dev.qmodem.module;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.CommandRegistry;
import dev.qmodem.command.basic.BaudRateCommand;
import dev.qmodem.command.basic.CmeeCommand;
import dev.qmodem.command.basic.DtrModeCommand;
import dev.qmodem.command.basic.FactoryDefaultsCommand;
import dev.qmodem.command.basic.IdentityCommand;
import dev.qmodem.command.basic.RegisterCommand;
import dev.qmodem.command.basic.ResumeDataCommand;
import dev.qmodem.command.basic.StoreProfileCommand;
import dev.qmodem.command.basic.SwitchCommand;
import dev.qmodem.command.network.ActivateContextCommand;
import dev.qmodem.command.network.ContextSettingsCommand;
import dev.qmodem.command.network.DeactivateContextCommand;
import dev.qmodem.command.network.StatusCommand;
import dev.qmodem.command.file.FileCommands;
import dev.qmodem.command.ftp.FtpCommands;
import dev.qmodem.command.ftp.FtpConfig;
import dev.qmodem.command.ftp.FtpService;
import dev.qmodem.command.ssl.SslConfig;
import dev.qmodem.command.ssl.SslConfigCommand;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.ModelProfile;
import dev.qmodem.time.Clock;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * The one registration table: every command qmodem knows, with its dependencies. A command is registered only if
 * the model's profile lists it, and start-up fails if the profile lists a command nothing implements.
 */
final class CommandTable {

    private final ModelProfile profile;
    private final CommandRegistry registry = new CommandRegistry();
    private final Set<String> missing;

    private CommandTable(ModelProfile profile) {
        this.profile = profile;
        this.missing = new TreeSet<>(profile.commands());
    }

    static CommandRegistry build(ModelProfile profile, AtSettings settings, DataMode dataMode, PdpContexts pdp,
                                 LocalStorage storage, FtpService ftp, FtpConfig ftpConfig, SslConfig sslConfig,
                                 Clock clock, Executor fileWorker) {
        CommandTable table = new CommandTable(profile);
        table.add("E", new SwitchCommand(settings::echo));
        table.add("V", new SwitchCommand(settings::verbose));
        table.add("Q", new SwitchCommand(settings::quiet));
        table.add("S", new RegisterCommand(settings, profile));
        table.add("&F", new FactoryDefaultsCommand(settings));
        table.add("Z", new FactoryDefaultsCommand(settings));
        table.add("&W", new StoreProfileCommand());
        table.add("&D", new DtrModeCommand(settings, profile));
        table.add("O", new ResumeDataCommand(dataMode));
        table.add("+IPR", new BaudRateCommand(settings, profile));
        table.add("+CMEE", new CmeeCommand(settings, profile));

        String manufacturer = profile.text("identity.manufacturer");
        String model = profile.text("identity.model");
        String revision = profile.text("identity.revision");
        String imei = profile.text("identity.imei");
        table.add("I", new IdentityCommand(List.of(manufacturer, model, "Revision: " + revision)));
        for (String name : List.of("+GMI", "+CGMI")) {
            table.add(name, new IdentityCommand(List.of(manufacturer)));
        }
        for (String name : List.of("+GMM", "+CGMM")) {
            table.add(name, new IdentityCommand(List.of(model)));
        }
        for (String name : List.of("+GMR", "+CGMR")) {
            table.add(name, new IdentityCommand(List.of(revision)));
        }
        for (String name : List.of("+GSN", "+CGSN")) {
            table.add(name, new IdentityCommand(List.of(imei)));
        }

        table.add("+CPIN", new StatusCommand(CommandForm.READ, "+CPIN: READY", null, 0));
        table.add("+CSQ", new StatusCommand(CommandForm.EXECUTE, profile.text("network.csq"),
                "+CSQ: (0-31,99),(0-7,99)", 0));
        table.addStatus("+CREG", "network.creg", "+CREG: (0-2)");
        table.addStatus("+CGREG", "network.cgreg", "+CGREG: (0-2)");
        table.addStatus("+CEREG", "network.cereg", "+CEREG: (0-2,4)");
        table.add("+COPS", new StatusCommand(CommandForm.READ, profile.text("network.cops"), null, 4));
        table.add("+CGATT", new StatusCommand(CommandForm.READ, profile.text("network.cgatt"), "+CGATT: (0,1)", 1));
        table.add("+QICSGP", new ContextSettingsCommand(pdp, profile));
        table.add("+QIACT", new ActivateContextCommand(pdp, profile));
        table.add("+QIDEACT", new DeactivateContextCommand(pdp, profile));
        FileCommands.create(storage, dataMode, clock, fileWorker).forEach(table::add);
        FtpCommands.create(ftp, ftpConfig, dataMode, storage, profile).forEach(table::add);
        table.add("+QSSLCFG", new SslConfigCommand(sslConfig, profile));
        return table.finish();
    }

    private void addStatus(String name, String lineKey, String testLine) {
        if (profile.hasCommand(name)) {
            add(name, new StatusCommand(CommandForm.READ, profile.text(lineKey), testLine, 1));
        }
    }

    private void add(String name, AtCommandHandler handler) {
        if (missing.remove(name)) {
            registry.register(name, handler);
        }
    }

    private CommandRegistry finish() {
        if (!missing.isEmpty()) {
            throw new IllegalStateException("profile " + profile.model() + " lists commands without a handler: " + missing);
        }
        return registry;
    }
}
