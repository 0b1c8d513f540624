package nl.dsrhub.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * The officer records a task's outcome by hand: a processor that answered by mail or phone, a
 * manual connector, or a task that needs attention. One operation for the dashboard, the REST API
 * and {@code settle}; the outcome must be final and a reason is required, both are recorded.
 */
public final class Settlement {

    /** A settlement the rules do not allow; the message says why, without personal data. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** How a settlement's detail starts: the confirmation says it in plain words ("according to our privacy contact"). */
    public static final String BY_HAND = "settled by hand";

    private final ConnectorCatalog catalog;
    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path workDir;
    private final Clock clock;

    public Settlement(ConnectorCatalog catalog, RequestStore requests, TaskStore tasks, EventLog events, Jdbc jdbc,
                      Path workDir, Clock clock) {
        this.catalog = catalog;
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.jdbc = jdbc;
        this.workDir = workDir;
        this.clock = clock;
    }

    /**
     * Settles the task; files (e.g. a processor's export received by mail) are kept with the task's data
     * for the bundle. Returns the request id, for the caller to move the request on.
     */
    public String settle(String requestId, String connector, String outcomeName, String reason, List<Path> files) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("a reason is required to settle a task by hand");
        }
        RequestStore.RequestRow request = requests.row(requestId).orElseThrow(() -> new Refused("no request " + requestId));
        Outcome outcome = parseOutcome(outcomeName, RequestType.fromWire(request.type()));
        if (!RequestStore.isOpen(request.status())) {
            throw new Refused("request " + requestId + " is already " + request.status().toLowerCase(java.util.Locale.ROOT));
        }
        TaskRow task = tasks.forRequest(requestId).stream().filter(t -> t.connector().equals(connector)).findFirst()
                .orElseThrow(() -> new Refused("request " + requestId + " has no task for connector " + connector));
        if (!settleable(task)) {
            throw new Refused("the task of " + connector + " is " + task.status()
                    + (task.outcome() == null ? "" : " " + task.outcome())
                    + ": only mail or manual tasks and tasks needing attention or awaiting a reply can be settled by hand");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new Refused("file not found: " + f);
            }
        }
        copyFiles(requestId, connector, files);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String detail = BY_HAND + ": " + reason.strip();
        boolean done = jdbc.inTransaction(tx -> {
            // what is kept, and why, as the officer stated it: the hub adds no legal basis of its own
            int n = tx.update("UPDATE dsr_task SET status = ?, outcome = ?, detail = ?, retained = ?, finished_at = ?, "
                            + "next_attempt_at = NULL, last_error = NULL, notified_at = COALESCE(notified_at, ?), updated_at = ? "
                            + "WHERE id = ? AND status = ? AND updated_at = ?",
                    TaskStatus.DONE, outcome, detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                    TaskStore.settledRetained(outcome, reason.strip()), now, now, now, task.id(), task.status(),
                    task.updatedAt());
            if (n == 1) {
                events.record(tx, requestId, connector, "settled", outcome + ": " + reason.strip());
            }
            return n == 1;
        });
        if (!done) {
            throw new Refused("the task of " + connector + " changed meanwhile: look again and retry");
        }
        return requestId;
    }

    /**
     * Planned requests with nothing running, queued or open for the officer: their tasks are final, or
     * wait for identifiers only a settled task could have given. The planner resolves those and completes
     * the request (a settlement by CLI or API moves no route itself).
     */
    public List<String> settledButOpen() {
        return jdbc.query("SELECT r.id FROM dsr_request r WHERE r.status = ? AND EXISTS (SELECT 1 FROM dsr_task t "
                        + "WHERE t.request_id = r.id AND t.status = ?) AND NOT EXISTS (SELECT 1 FROM dsr_task t "
                        + "WHERE t.request_id = r.id AND (t.status NOT IN (?, ?) OR t.outcome IN (?, ?)))",
                rs -> rs.getString(1), RequestStore.PLANNED, TaskStatus.DONE, TaskStatus.DONE, TaskStatus.WAITING,
                Outcome.AWAITING_REPLY, Outcome.NEEDS_ATTENTION);
    }

    public boolean settleable(TaskRow t) {
        if (t.status() == TaskStatus.RUNNING) {
            return false;
        }
        if (t.status() == TaskStatus.DONE) {
            return t.outcome() != null && !t.outcome().isFinal();
        }
        Channel channel = catalog.find(t.connector()).map(Connector::channel).orElse(null);
        return channel == Channel.MAIL || channel == Channel.MANUAL;
    }

    /** The outcomes a task of a request of {@code type} can be settled with: what the type calls done, and the others. */
    public static List<Outcome> settleableFor(RequestType type) {
        return java.util.Arrays.stream(Outcome.values()).filter(Outcome::settleable)
                .filter(o -> o == type.done() || o == Outcome.NOT_FOUND || o == Outcome.RETAINED || o == Outcome.PARTIAL)
                .toList();
    }

    static Outcome parseOutcome(String name, RequestType type) {
        String allowed = settleableFor(type).stream().map(Outcome::name).collect(java.util.stream.Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw new Refused("an outcome is required");
        }
        try {
            Outcome o = Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (o == Outcome.REFUSED) {
                throw new Refused("REFUSED is a refusal of the whole request, not a task's outcome: use refuse ID --ground"
                        + " GROUND --reason TEXT (the subject gets a letter with the reasons and the remedies)");
            }
            if (!o.isFinal()) {
                throw new Refused("outcome " + o + " is not final: settle with " + allowed);
            }
            if (!settleableFor(type).contains(o)) {
                throw new Refused("outcome " + o + " is not one of a" + (type.wire().matches("[aeiou].*") ? "n " : " ")
                        + type.wire() + " request: settle with " + allowed);
            }
            return o;
        } catch (IllegalArgumentException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused("unknown outcome '" + name + "': use " + allowed);
        }
    }

    private void copyFiles(String requestId, String connector, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Path dir = workDir.resolve(requestId).resolve(connector).resolve("settled-by-hand");
        try {
            nl.dsrhub.files.PrivateFiles.folder(dir);
            for (Path f : files) {
                nl.dsrhub.files.PrivateFiles.copy(f, dir.resolve(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the settlement's files for request " + requestId, e);
        }
    }
}
