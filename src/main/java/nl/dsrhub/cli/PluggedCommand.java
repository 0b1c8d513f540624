package nl.dsrhub.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import nl.dsrhub.config.HubConfig;

/**
 * A command that ships in the jar beside the hub's own but is not production code: the demo and the benchmark
 * (source root {@code src/demo/java}). The command line finds them through {@link ServiceLoader}
 * ({@code META-INF/services/nl.dsrhub.cli.PluggedCommand}), so no production class imports them; a jar built
 * without them simply has no such command.
 */
public interface PluggedCommand {

    /** The command's word on the command line, e.g. {@code demo}. */
    String name();

    /** Its lines in the usage text, indented and aligned like the hub's own commands, each ending in a newline. */
    String usage();

    /** Its options that take a value, so the parser reads {@code --name VALUE} as one option. */
    default Set<String> valueOptions() {
        return Set.of();
    }

    /**
     * Runs the command; returns its exit code. An {@link IllegalArgumentException} is a bad option (exit 2, its
     * message shown); any other failure is reported with its message.
     *
     * @param options the command line's options by name, {@code "true"} for a flag
     */
    int run(HubConfig config, Map<String, String> options, PrintStream out) throws Exception;

    /** The plugged commands on the class path, in the order of their service files. */
    static List<PluggedCommand> installed() {
        return ServiceLoader.load(PluggedCommand.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
