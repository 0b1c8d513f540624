package nl.dsrhub.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import nl.dsrhub.config.HubConfig;

/**
 * A command that ships in the jar beside the hub's own but is not production code: the demo and the benchmark
 * (source root {@code src/demo/java}). The command line finds them through {@link ServiceLoader}
 * ({@code META-INF/services/nl.dsrhub.cli.PluggedCommand}), so no production class imports them; a jar built
 * without them simply has no such command.
 */
public interface PluggedCommand {

    /**
     * The command as picocli runs it: an object of a {@code @picocli.CommandLine.Command}-annotated class (its name,
     * description, options and parameters) whose {@code call()} returns the exit code. It is added as a subcommand of
     * {@code dsr-hub}, so it gets {@code --help}, the shared {@code --config}, {@code --data}, {@code --set}, and the
     * usage errors (exit 2) of every command. An {@link IllegalArgumentException} it throws is a bad value (exit 2, its
     * message shown); any other failure is reported in one line with exit 1.
     *
     * @param context where its configuration (read after the command line is parsed) and its output come from
     */
    Callable<Integer> command(Context context);

    /** What a plugged command needs of the command line. */
    interface Context {

        /** The configuration the shared options name ({@code --config}, {@code --data}, {@code --set}). */
        HubConfig config();

        /** Standard output. */
        PrintStream out();
    }

    /** The plugged commands on the class path, in the order of their service files; new ones each time. */
    static List<PluggedCommand> installed() {
        return ServiceLoader.load(PluggedCommand.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
