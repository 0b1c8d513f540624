package nl.dsrhub.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import nl.dsrhub.config.HubConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command of {@code dsr-hub}: its configuration and output come from the top command, at any depth. */
abstract class HubSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private TopCommand top() {
        return (TopCommand) spec.root().userObject();
    }

    HubConfig config() {
        return top().config();
    }

    PrintStream out() {
        return top().out();
    }

    PrintStream err() {
        return top().err();
    }

    /** A usage error found after parsing (a blank value, a value out of range): exit 2 with this command's usage. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The option's value, which must not be blank (picocli has checked that it was given a value at all). */
    String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw usageError(option + " is required");
        }
        return value;
    }
}
