package dev.qmodem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code qmodem}: the top-level command; the work is in its subcommands. */
@Command(name = "qmodem",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Quectel cellular module (UC20, BG95, BG77) in software.")
public final class QModemCommand implements Runnable {

    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, FleetCommand.class,
            LoadCommand.class, MergeReportsCommand.class, CtlCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args)
                .setExecutionExceptionHandler(QModemCommand::reportFailure)
                .execute(args));
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name only that one is built, since
     * picocli's model of every subcommand (fleet, load, ctl...) costs {@code serve} a good part of its start-up;
     * otherwise (usage, help, a mistyped name) all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine line = new CommandLine(new QModemCommand());
        boolean named = args.length > 0 && !args[0].equals("help")
                && SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(args[0]));
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (!named || name(subcommand).equals(args[0])) {
                line.addSubcommand(subcommand);
            }
        }
        return line;
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** A failure to start (a port in use, an unreadable folder) is one line, not a stack trace. */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        StringBuilder message = new StringBuilder("qmodem: ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        command.getErr().println(message);
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
