package nl.dsrhub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.request.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The officer's commands on the hub's requests: {@code submit}, {@code status}, {@code retry}, {@code confirm},
 * {@code discard}. Each goes through {@link HubAccess}: the running hub's API when a hub runs on the data dir, the
 * database itself when none does. A request that does not exist, or an action the hub refuses, ends in exit 1
 * ({@link DsrHub}).
 */
final class RequestCommands {

    private RequestCommands() {
    }

    @Command(name = "submit", description = "Validate and queue a request; prints its id.")
    static final class Submit extends HubSubcommand {

        @Parameters(paramLabel = "FILE", description = "the request file (JSON or YAML)")
        Path file;

        @Override
        public Integer call() {
            long maxBytes = config().getLong("dsr.intake.max-bytes");
            byte[] content = read(file, maxBytes);
            try (HubAccess hub = HubAccess.open(config())) {
                HubAccess.Submission s = hub.submit(file.getFileName().toString(), content);
                if (!s.accepted()) {
                    printProblems(err(), file, s.problems());
                    return 1;
                }
                out().println(s.requestId());
                err().println(s.duplicate()
                        ? "already submitted as " + s.requestId() + " (same content): not queued again"
                        : "queued; a running hub picks it up within seconds, otherwise at its next start");
                return 0;
            }
        }
    }

    @Command(name = "status", description = "Open requests, or one request with its tasks and timeline.")
    static final class Status extends HubSubcommand {

        @Parameters(paramLabel = "ID", arity = "0..1", description = "a request id (default: all open requests)")
        String id;

        @Option(names = "--json", description = "as JSON")
        boolean json;

        @Override
        public Integer call() {
            try (HubAccess hub = HubAccess.open(config())) {
                out().print(id == null ? hub.openRequests(json) : hub.request(id, json));
                return 0;
            }
        }
    }

    @Command(name = "retry", description = "Run failed (or needs-attention) tasks of a request again now.")
    static final class Retry extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the request id")
        String id;

        @Option(names = "--connector", paramLabel = "NAME", description = "only this connector's task")
        String connector;

        @Override
        public Integer call() {
            try (HubAccess hub = HubAccess.open(config())) {
                int n = hub.retry(id, connector);
                out().println(n + " task(s) of " + id + " queued to run again" + (n == 0 ? " (none had failed)" : ""));
                return 0;
            }
        }
    }

    @Command(name = "confirm", description = "Let a mailed request that waits for the officer's confirmation go on.")
    static final class Confirm extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the held request's id")
        String id;

        @Override
        public Integer call() {
            try (HubAccess hub = HubAccess.open(config())) {
                out().println(hub.confirm(id));
                return 0;
            }
        }
    }

    @Command(name = "discard", description = {"Close a held request the officer did not send.",
            "Nothing is sent to any processor; its personal data are deleted."})
    static final class Discard extends HubSubcommand {

        @Parameters(paramLabel = "ID", description = "the held request's id")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (required)")
        String reason;

        @Override
        public Integer call() {
            required(reason, "--reason");
            try (HubAccess hub = HubAccess.open(config())) {
                out().println(hub.discard(id, reason));
                return 0;
            }
        }
    }

    static void printProblems(PrintStream err, Path file, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(file.getFileName() + ": " + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
        }
    }

    static byte[] read(Path file, long maxBytes) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
