package nl.dsrhub.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import nl.dsrhub.connector.ConnectorConfigException;
import nl.dsrhub.hub.HubCannotStart;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar dsr-hub.jar COMMAND}: the hub's command line (picocli). The commands are {@link HubCommands},
 * {@link RequestCommands}, {@link DecisionCommands}, {@link LedgerCommand} and {@link RegistersCommand}, with the plugged
 * ones (demo, bench: {@link PluggedCommand}) after them; {@link TopCommand} holds the options they share. Every failure
 * ends in one line on stderr ({@code dsr-hub: ...}) and one of the exit codes below, listed in every command's {@code --help}.
 */
public final class DsrHub {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command failed: a bad request file, no such request, a refused action, a broken ledger, a failed check. */
    public static final int FAILED = 1;
    /** Usage: an unknown command or option, a missing or bad value, a bad setting. */
    public static final int USAGE = 2;
    /** A connector file is invalid. */
    public static final int BAD_CONNECTOR = 3;
    /** The hub cannot start: its HTTP port is taken, or another hub runs on the data dir. */
    public static final int CANNOT_START = 4;
    /** A hub runs on the data dir but cannot be reached. */
    public static final int HUB_UNREACHABLE = 5;

    private final PrintStream out;
    private final PrintStream err;

    public DsrHub(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] argv) {
        HubCommands.Run.ownsProcess = true;
        System.exit(new DsrHub(System.out, System.err).execute(argv));
    }

    /** Runs a command; returns its exit code. */
    public int execute(String[] argv) {
        return commandLine().execute(argv);
    }

    /** The command line with every command, the plugged ones found on the class path after the hub's own. */
    CommandLine commandLine() {
        TopCommand top = new TopCommand(out, err);
        CommandLine cli = new CommandLine(top);
        for (Object command : new Object[] {new HubCommands.Run(), new HubCommands.Validate(), new RequestCommands.Submit(),
                new RequestCommands.Status(), new RequestCommands.Retry(), new HubCommands.Connectors(),
                new DecisionCommands.Settle(), new DecisionCommands.Extend(), new DecisionCommands.Uphold(),
                new DecisionCommands.Refuse(),
                new RequestCommands.Confirm(), new RequestCommands.Discard(), new LedgerCommand(), new RegistersCommand()}) {
            cli.addSubcommand(command);
        }
        for (PluggedCommand plugged : PluggedCommand.installed()) {
            cli.addSubcommand(plugged.command(top));
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        // an option given twice keeps its last value (--file and --set collect every one)
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(this::usageError);
        cli.setExecutionExceptionHandler(this::failure);
        return cli;
    }

    /** A usage error: one line naming it, then the usage of the command it is in. */
    private int usageError(ParameterException e, String[] argv) {
        CommandLine where = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && where.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        err.println("dsr-hub: " + message);
        where.usage(err);
        return USAGE;
    }

    /** A command that threw: one line, no stack trace, and the exit code of what went wrong. */
    private int failure(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof ConnectorConfigException) {
            err.println("dsr-hub: " + e.getMessage());
            return BAD_CONNECTOR;
        }
        if (e instanceof HubCannotStart) {
            err.println("dsr-hub: cannot start: " + e.getMessage());
            return CANNOT_START;
        }
        if (e instanceof HubAccess.Unreachable) {
            err.println("dsr-hub: " + e.getMessage());
            return HUB_UNREACHABLE;
        }
        if (e instanceof HubAccess.Refused || e instanceof HubAccess.NoSuchRequest) {
            err.println("dsr-hub: " + e.getMessage());
            return FAILED;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("dsr-hub: " + e.getMessage());
            return USAGE;
        }
        // start-up failures (a route file, the database): the message, not a stack trace
        String what = e instanceof RuntimeException ? "" : command.getCommandName() + ": ";
        err.println("dsr-hub: failed: " + what + e.getClass().getSimpleName() + ": " + e.getMessage());
        return FAILED;
    }
}
