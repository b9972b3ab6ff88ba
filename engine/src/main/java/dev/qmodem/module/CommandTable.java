package dev.qmodem.module;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtSettings;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.CommandRegistry;
import dev.qmodem.command.basic.BaudRateCommand;
import dev.qmodem.command.basic.CmeeCommand;
import dev.qmodem.command.basic.DtrModeCommand;
import dev.qmodem.command.basic.FactoryDefaultsCommand;
import dev.qmodem.command.PowerControl;
import dev.qmodem.command.basic.IdentityCommand;
import dev.qmodem.command.basic.NamedSettingsCommand;
import dev.qmodem.command.basic.PowerDownCommand;
import dev.qmodem.command.basic.RegisterCommand;
import dev.qmodem.command.basic.ResumeDataCommand;
import dev.qmodem.command.basic.StoreProfileCommand;
import dev.qmodem.command.basic.StoredValueCommand;
import dev.qmodem.command.basic.SwitchCommand;
import dev.qmodem.command.network.ActivateContextCommand;
import dev.qmodem.command.network.ClockCommand;
import dev.qmodem.command.network.ContextAddressCommand;
import dev.qmodem.command.network.ContextDefinitionCommand;
import dev.qmodem.command.network.ContextSettingsCommand;
import dev.qmodem.command.network.DeactivateContextCommand;
import dev.qmodem.command.network.DnsConfigCommand;
import dev.qmodem.command.network.DnsLookupCommand;
import dev.qmodem.command.network.FunctionalityCommand;
import dev.qmodem.command.network.NetworkTimeCommand;
import dev.qmodem.command.network.RegistrationCommand;
import dev.qmodem.command.network.StatusCommand;
import dev.qmodem.command.file.FileCommands;
import dev.qmodem.command.ftp.FtpCommands;
import dev.qmodem.command.ftp.FtpConfig;
import dev.qmodem.command.ftp.FtpService;
import dev.qmodem.command.ssl.SslConfig;
import dev.qmodem.command.ssl.SslConfigCommand;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.network.HostResolver;
import dev.qmodem.network.PdpContexts;
import dev.qmodem.network.Radio;
import dev.qmodem.profile.ModelProfile;
import dev.qmodem.time.Clock;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one registration table: every command qmodem knows, with its dependencies. A command is registered only if
 * the model's profile lists it, and start-up fails if the profile lists a command nothing implements.
 */
final class CommandTable {

    private final ModelProfile profile;
    private final CommandRegistry registry = new CommandRegistry();

    private CommandTable(ModelProfile profile) {
        this.profile = profile;
    }

    static CommandRegistry build(ModelProfile profile, AtSettings settings, DataMode dataMode, Radio radio,
                                 PdpContexts pdp, LocalStorage storage, FtpService ftp, FtpConfig ftpConfig,
                                 SslConfig sslConfig, PowerControl power, HostResolver resolver,
                                 Consumer<String> urc, Clock clock, Executor fileWorker,
                                 Executor lookups) {
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
        table.add("+QCCID", new IdentityCommand(List.of("+QCCID: " + profile.text("sim.iccid"))));
        table.add("+CIMI", new IdentityCommand(List.of(profile.text("sim.imsi"))));
        table.add("+QINISTAT", new IdentityCommand(List.of("+QINISTAT: " + profile.text("sim.qinistat"))));
        table.add("+QSIMSTAT", new StatusCommand(CommandForm.READ, "+QSIMSTAT: 0,1", null, 1));
        table.add("+QGMR", new IdentityCommand(List.of(profile.text("identity.qgmr"))));
        table.add("+CSQ", new StatusCommand(CommandForm.EXECUTE,
                () -> "+CSQ: " + radio.signal().rssi() + "," + radio.signal().ber(), "+CSQ: (0-31,99),(0-7,99)", 0));
        table.addIfListed("+QCSQ", () -> {
            String qcsq = profile.text("network.qcsq");
            return new StatusCommand(CommandForm.EXECUTE, () -> radio.online() ? qcsq : "+QCSQ: \"NOSERVICE\"", null, 0);
        });
        String qnwinfo = profile.text("network.qnwinfo");
        table.add("+QNWINFO", new StatusCommand(CommandForm.EXECUTE,
                () -> radio.online() ? qnwinfo : "+QNWINFO: No Service", null, 0));
        String modes = profile.text("network.range.creg");
        table.add("+CREG", new RegistrationCommand(radio, Radio.Domain.CIRCUIT, modes));
        table.add("+CGREG", new RegistrationCommand(radio, Radio.Domain.PACKET, modes));
        table.add("+CEREG", new RegistrationCommand(radio, Radio.Domain.EPS, profile.text("network.range.cereg")));
        String cops = profile.text("network.cops");
        table.add("+COPS", new StatusCommand(CommandForm.READ, () -> radio.online() ? cops : "+COPS: 0",
                profile.text("network.cops.test"), 4));
        table.add("+CGATT", new StatusCommand(CommandForm.READ, () -> "+CGATT: " + (radio.online() ? 1 : 0),
                "+CGATT: (0,1)", 1));
        table.add("+CFUN", new FunctionalityCommand(radio, power, profile.range("power.range.cfun"),
                profile.range("power.range.cfun_reset")));
        table.add("+QPOWD", new PowerDownCommand(power));
        for (String name : List.of("+QCFG", "+QURCCFG")) {
            table.addIfListed(name, () -> new NamedSettingsCommand(name, profile));
        }
        for (String name : List.of("+QSCLK", "+CTZU", "+CPSMS", "+CEDRXS")) {
            table.addIfListed(name, () -> new StoredValueCommand(name, profile));
        }
        table.add("+CCLK", new ClockCommand(java.time.Clock.systemUTC()));
        table.add("+QLTS", new NetworkTimeCommand(java.time.Clock.systemUTC(), profile.range("clock.range.qlts")));
        table.add("+CGDCONT", new ContextDefinitionCommand(pdp, profile));
        table.add("+CGPADDR", new ContextAddressCommand(pdp, profile));
        table.add("+QIDNSCFG", new DnsConfigCommand(resolver, profile));
        table.add("+QIDNSGIP", new DnsLookupCommand(resolver, pdp, urc, lookups, profile));
        table.add("+QICSGP", new ContextSettingsCommand(pdp, profile));
        table.add("+QIACT", new ActivateContextCommand(pdp, profile));
        table.add("+QIDEACT", new DeactivateContextCommand(pdp, profile));
        FileCommands.create(storage, dataMode, clock, fileWorker).forEach(table::add);
        FtpCommands.create(ftp, ftpConfig, dataMode, storage, profile).forEach(table::add);
        table.add("+QSSLCFG", new SslConfigCommand(sslConfig, profile));
        return table.finish();
    }

    /** Builds the handler only for a model that has the command: its profile values exist only there. */
    private void addIfListed(String name, Supplier<AtCommandHandler> handler) {
        if (profile.hasCommand(name)) {
            add(name, handler.get());
        }
    }

    private void add(String name, AtCommandHandler handler) {
        if (profile.hasCommand(name)) {
            registry.register(name, handler);
        }
    }

    private CommandRegistry finish() {
        Set<String> missing = new TreeSet<>();
        for (String name : profile.commands()) {
            if (registry.find(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("profile " + profile.model() + " lists commands without a handler: " + missing);
        }
        return registry;
    }
}
