package nl.dsrhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The officer's decisions on a request: {@code settle} a task by hand, {@code extend} the deadline, {@code refuse} the
 * request. Through {@link HubAccess} like the other officer's commands; an action the hub refuses ends in exit 1.
 */
final class DecisionCommands {

    private DecisionCommands() {
    }

    @Command(name = "settle", description = {"Record a task's outcome by hand (mail/manual processors, or a task needing"
            + " attention)."})
    static final class Settle extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the request id")
        String id;

        @Option(names = "--connector", paramLabel = "NAME", description = "the task's connector (required)")
        String connector;

        @Option(names = "--outcome", paramLabel = "OUTCOME",
                description = "what the request's type calls done (EXPORTED, ERASED, RECTIFIED, RESTRICTED, LIFTED, OPTED_OUT), or NOT_FOUND, RETAINED or PARTIAL (required)")
        String outcome;

        @Option(names = "--reason", paramLabel = "TEXT", description = "how the processor answered (required)")
        String reason;

        @Option(names = "--file", paramLabel = "FILE", description = "a file the processor sent (repeatable)")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            required(connector, "--connector");
            required(outcome, "--outcome");
            required(reason, "--reason");
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException("cannot read " + f + ": no such file");
                }
            }
            try (HubAccess hub = HubAccess.open(config())) {
                hub.settle(id, connector, outcome, reason, files);
                out().println(id + " " + connector + ": settled as " + outcome.toUpperCase(Locale.ROOT)
                        + "; a running hub completes the request when every task is final");
                return 0;
            }
        }
    }

    @Command(name = "extend", description = {"Extend the deadline once (art. 12(3)).",
            "Writes the notice letter to outbox/ID/extension-notice.html."})
    static final class Extend extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the request id")
        String id;

        @Option(names = "--months", paramLabel = "1|2", description = "by how many months (required)")
        Integer months;

        @Option(names = "--reason", paramLabel = "TEXT", description = {"why the request needs more time (complexity,"
                + " number of requests), at most 300 characters; told to the subject and kept in the register after the"
                + " purge, so never the person's name or details (required)"})
        String reason;

        @Override
        public Integer call() {
            if (months == null) {
                throw usageError("--months is required");
            }
            required(reason, "--reason");
            try (HubAccess hub = HubAccess.open(config())) {
                HubAccess.Extension x = hub.extend(id, months, reason);
                out().println(id + ": deadline extended to " + x.deadline() + "; notice to the subject: " + x.notice());
                return 0;
            }
        }
    }

    @Command(name = "refuse", description = {"Refuse a request (art. 12(4)): the requester cannot be identified as the"
            + " subject, or it is manifestly unfounded or excessive (art. 12(5)).",
            "Closes it: nothing more is asked of any processor, and those asked by letter are told it is withdrawn. Writes"
                    + " the letter (the reasons, the complaint to the Autoriteit Persoonsgegevens, the court within six"
                    + " weeks) to outbox/ID/refusal-letter.html; it must reach the subject within the request's deadline"
                    + " (art. 12(3))."})
    static final class Refuse extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the request id")
        String id;

        @Option(names = "--ground", paramLabel = "GROUND", description = "unverifiable, unfounded or excessive (required)")
        String ground;

        @Option(names = "--reason", paramLabel = "TEXT", description = "your reasons, told to the subject, one line (required)")
        String reason;

        @Override
        public Integer call() {
            required(ground, "--ground");
            required(reason, "--reason");
            try (HubAccess hub = HubAccess.open(config())) {
                HubAccess.RefusalDone d = hub.refuse(id, ground, reason);
                out().println(id + ": refused (" + d.ground() + "); nothing more is asked of any processor"
                        + (d.stopped().isEmpty() ? "" : " (stopped: " + String.join(", ", d.stopped()) + ")"));
                out().println("letter to the subject: " + d.letter());
                out().println(d.late() ? "  the deadline (" + d.due() + ") has passed: send the letter at once (art. 12(3) and (4))"
                        : "  it must reach the subject by " + d.due() + " (art. 12(3) and (4)); with delivery on, the running"
                        + " hub mails it, otherwise hand it over");
                if (!d.toldByLetter().isEmpty()) {
                    out().println("  asked by letter before, told by mail that the request is withdrawn: "
                            + String.join(", ", d.toldByLetter()));
                }
                return 0;
            }
        }
    }
}
