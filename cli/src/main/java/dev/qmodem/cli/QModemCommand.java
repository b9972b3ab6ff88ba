package dev.qmodem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qmodem}: the top-level command; the work is in its subcommands. */
@Command(name = "qmodem",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Quectel cellular module (UC20, BG95, BG77) in software.",
        subcommands = {ServeCommand.class, FleetCommand.class, LoadCommand.class,
                MergeReportsCommand.class, CtlCommand.class, CommandLine.HelpCommand.class})
public final class QModemCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QModemCommand())
                .setExecutionExceptionHandler(QModemCommand::reportFailure)
                .execute(args));
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
