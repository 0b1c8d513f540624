package nl.dsrhub.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.ops.RunningHub;
import nl.dsrhub.request.Problem;
import nl.dsrhub.store.Database;

/**
 * What the officer's commands do to a hub's data, the same whether a hub runs or not: through the running hub's API
 * ({@link RemoteHub}: the database is the hub's alone while it runs) or, with no hub running, on the database itself
 * ({@link LocalHub}). Commands are written once against this.
 */
interface HubAccess extends AutoCloseable {

    /** A request file taken in, or its problems. */
    record Submission(String requestId, boolean duplicate, List<Problem> problems) {
        boolean accepted() {
            return requestId != null;
        }
    }

    /** The ledger's hash chain: intact, or where it breaks; and which rows were checked how. */
    record LedgerCheck(boolean intact, long rows, Long brokenSeq, String problem, String checked) {
    }

    /** An extended deadline and where the notice to the subject is. */
    record Extension(String deadline, String notice) {
    }

    /**
     * A refused request: its ground, where the letter to the subject is, the date it must reach them by (and whether that
     * passed), the processors stopped, and those asked by letter, who are told the request is withdrawn.
     */
    record RefusalDone(String ground, String letter, String due, boolean late, List<String> stopped,
                       List<String> toldByLetter) {
    }

    /** The hub refused the action (a rule, not a fault): the reason is for the officer. */
    final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** There is no such request. */
    final class NoSuchRequest extends RuntimeException {
        NoSuchRequest(String id) {
            super("no request " + id, null, false, false);
        }
    }

    /**
     * A hub runs on the data dir but this command cannot reach it: it runs without its HTTP server, its API does not
     * answer, or its database is open in a process that left no {@code hub.json}.
     */
    final class Unreachable extends IllegalStateException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How this command reaches the hub's data, for a line on stderr. */
    String via();

    String openRequests(boolean json);

    /** One request's tasks and timeline; throws {@link NoSuchRequest}. */
    String request(String id, boolean json);

    Submission submit(String fileName, byte[] content);

    /** Queues the failed tasks of a request again; returns how many. */
    int retry(String id, String connector);

    void settle(String id, String connector, String outcome, String reason, List<Path> files);

    Extension extend(String id, int months, String reason);

    /** Refuses the request (art. 12(4)); throws {@link Refused} when it cannot be. */
    RefusalDone refuse(String id, String ground, String reason);

    /**
     * Upholds an objection awaiting the officer's decision (art. 21(1)); returns the id of the erasure request that
     * carries it out; throws {@link Refused} when the request awaits no decision.
     */
    String uphold(String id);

    LedgerCheck verifyLedger();

    String ledgerCsv();

    /** The circuit breakers that are not closed, a line each. */
    String circuits();

    /** Confirms a mailed request held for confirmation; returns what was done, throws {@link Refused} when it is not held. */
    String confirm(String id);

    /** Closes a held request the officer did not send; returns what was done, throws {@link Refused} when it is not held. */
    String discard(String id, String reason);

    /** The registers of objections and restrictions ({@code registers}): entries, open findings, restrictions. */
    String registers(boolean json);

    /**
     * Marks a re-subscription finding handled, with the officer's reason; returns what was done, throws {@link Refused}
     * for an unknown finding or one resolved already.
     */
    String resolveFinding(long findingId, String reason);

    @Override
    void close();

    /**
     * The running hub's API when a hub runs on this data dir, else the database. A hub that runs without its HTTP
     * server (or whose database another process has open) cannot be reached: that is said, nothing is opened.
     */
    static HubAccess open(HubConfig config) {
        Path dataDir = config.dataDir();
        Optional<RunningHub> running = RunningHub.find(dataDir);
        if (running.isPresent()) {
            if (running.get().api() == null) {
                throw new Unreachable("a hub (process " + running.get().pid() + ") runs on " + dataDir
                        + " without its HTTP server (camel.server.enabled=false): stop it to use this command", null);
            }
            return new RemoteHub(running.get().api(), nl.dsrhub.web.AccessToken.fromDataDir(dataDir).value());
        }
        try {
            return new LocalHub(config);
        } catch (Database.DatabaseInUse e) {
            throw new Unreachable(e.getMessage() + "; no hub.json names a running hub in " + dataDir, e);
        }
    }
}
