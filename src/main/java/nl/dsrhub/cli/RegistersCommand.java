package nl.dsrhub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code registers} and {@code registers resolve FINDING-ID --reason TEXT}: the suppression register (art. 21(3)), the
 * re-subscriptions its check found, the restriction register (art. 18); and the officer marking a finding handled.
 * Through {@link HubAccess} like the other officer's commands: request ids and dates, never an address.
 */
@Command(name = "registers", description = {"List the suppression register (objections to direct marketing), the"
        + " re-subscriptions found and not handled yet, and the restriction register: request ids, reasons and dates, never"
        + " an address."}, subcommands = RegistersCommand.Resolve.class)
final class RegistersCommand extends HubSubcommand {

    @Option(names = "--json", description = "as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (HubAccess hub = HubAccess.open(config())) {
            out().print(hub.registers(json));
            return 0;
        }
    }

    @Command(name = "resolve", description = {"Mark a re-subscription finding handled (the address unsubscribed again at"
            + " the processor, the import or form that subscribed it found).",
            "The reason goes into the timeline of the objection's request; exit 1 for an unknown finding or one resolved"
                    + " already."})
    static final class Resolve extends HubSubcommand {

        @Parameters(paramLabel = "FINDING-ID", description = "the finding's id, as `registers` lists it")
        long findingId;

        @Option(names = "--reason", paramLabel = "TEXT", description = {"what was done about it, at most "
                + nl.dsrhub.ops.Registers.MAX_REASON + " characters; kept after the person's data is purged, so never an"
                + " address or name (required)"})
        String reason;

        @Override
        public Integer call() {
            required(reason, "--reason");
            try (HubAccess hub = HubAccess.open(config())) {
                out().println(hub.resolveFinding(findingId, reason));
                return 0;
            }
        }
    }
}
