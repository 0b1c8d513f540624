package nl.dsrhub.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * Turns a request into tasks, one per applicable connector, and moves them along the identity graph:
 * a connector that needs an identifier nobody knows yet waits; when a task provides it, the waiting
 * task becomes ready. A task whose needs can never be met ends {@code NOT_FOUND}, with the reason.
 */
public final class Planner {

    /** The identifier every request has: the subject's e-mail address. */
    public static final String EMAIL = "email";

    private final ConnectorCatalog catalog;
    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final Jdbc jdbc;

    public Planner(ConnectorCatalog catalog, RequestStore requests, TaskStore tasks, EventLog events, Jdbc jdbc) {
        this.catalog = catalog;
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Creates the request's tasks (once, however often it is called) and returns those ready to run. */
    public Progress plan(String requestId) {
        DsrRequest request = requests.get(requestId);
        Set<String> known = known(requestId);
        boolean planned = jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE dsr_request SET status = ? WHERE id = ? AND status = ?",
                    RequestStore.PLANNED, requestId, RequestStore.RECEIVED) != 1) {
                return false;
            }
            List<String> names = new ArrayList<>();
            List<String> nothingToDo = new ArrayList<>();
            for (Connector c : catalog.enabled()) {
                if (request.involves(c.name()) && !c.handles(request.type())) {
                    nothingToDo.add(c.name());
                } else if (request.involves(c.name())) {
                    tasks.create(tx, requestId, c.name(), c.canWorkFrom(known) ? TaskStatus.PENDING : TaskStatus.WAITING);
                    names.add(c.name());
                }
            }
            for (String asked : request.processors()) {
                if (!names.contains(asked) && !nothingToDo.contains(asked)) {
                    // asked for by name but switched off here: the officer must see it, not a silent gap
                    tasks.create(tx, requestId, asked, TaskStatus.PENDING);
                    names.add(asked);
                }
            }
            events.record(tx, requestId, null, "planned", names.size() + " processor(s): " + String.join(", ", names)
                    + (nothingToDo.isEmpty() ? "" : "; nothing to do for " + request.type().wire() + " at "
                    + String.join(", ", nothingToDo)));
            return true;
        });
        if (planned) {
            for (TaskRow t : tasks.forRequest(requestId)) {
                if (catalog.find(t.connector()).filter(Connector::enabled).isEmpty() && tasks.claim(t.id())) {
                    tasks.finish(t, new TaskResult(Outcome.NEEDS_ATTENTION, "connector " + t.connector()
                            + " is disabled in this installation: enable it and run retry, or settle by hand",
                            List.of(), java.util.Map.of()));
                }
            }
        }
        // the ready tasks go out now; planning twice (sweep and intake racing) dispatches them twice, and claims keep it once
        return resume(requestId);
    }

    /** After a task ended: promotes waiting tasks whose needs are now met and tells whether the request is done. */
    public Progress afterTask(String requestId) {
        List<TaskRow> rows = tasks.forRequest(requestId);
        Set<String> known = known(requestId);
        List<TaskRef> ready = new ArrayList<>();
        for (TaskRow t : rows) {
            if (t.status() == TaskStatus.WAITING && connector(t).map(c -> c.canWorkFrom(known)).orElse(false)
                    && tasks.promote(t.id())) {
                ready.add(new TaskRef(t.id(), t.connector()));
            }
        }
        if (ready.isEmpty()) {
            resolveUnreachable(requestId, rows);
            rows = tasks.forRequest(requestId);
        }
        return new Progress(requestId, ready, isComplete(rows), ready.isEmpty() && isAwaitingReplyOnly(rows));
    }

    /** The request's queued tasks, to be dispatched (after planning, and again after a restart). */
    public Progress resume(String requestId) {
        List<TaskRow> rows = tasks.forRequest(requestId);
        List<TaskRef> ready = rows.stream().filter(t -> t.status() == TaskStatus.PENDING && runnable(t))
                .map(t -> new TaskRef(t.id(), t.connector())).toList();
        return ready.isEmpty() ? afterTask(requestId) : new Progress(requestId, ready, false);
    }

    /** Every task is final or waits for a mailed reply, and at least one does. */
    static boolean isAwaitingReplyOnly(List<TaskRow> rows) {
        return rows.stream().allMatch(t -> t.status() == TaskStatus.DONE && t.outcome() != null
                && (t.outcome().isFinal() || t.outcome() == Outcome.AWAITING_REPLY))
                && rows.stream().anyMatch(t -> t.outcome() == Outcome.AWAITING_REPLY);
    }

    static boolean isComplete(List<TaskRow> rows) {
        return rows.stream().allMatch(t -> t.status() == TaskStatus.DONE && t.outcome() != null && t.outcome().isFinal());
    }

    /**
     * Waiting tasks whose needed identifiers no running or unsettled task can still provide are done:
     * the processor cannot be asked without an id, which is a finding (NOT_FOUND), not an error.
     */
    private void resolveUnreachable(String requestId, List<TaskRow> rows) {
        boolean anyActive = rows.stream().anyMatch(t -> t.status() == TaskStatus.PENDING
                || t.status() == TaskStatus.RUNNING || t.status() == TaskStatus.RETRY);
        if (anyActive) {
            return;
        }
        for (TaskRow t : rows) {
            if (t.status() != TaskStatus.WAITING) {
                continue;
            }
            List<String> needs = connector(t).map(c -> c.definition().needs().anyOf()).orElse(List.of());
            boolean providerUnsettled = rows.stream().anyMatch(other -> other.status() == TaskStatus.DONE
                    && other.outcome() != null && !other.outcome().isFinal()
                    && connector(other).map(c -> c.definition().provides().stream().anyMatch(needs::contains)).orElse(false));
            if (providerUnsettled) {
                continue;
            }
            List<String> providers = new ArrayList<>();
            needs.forEach(n -> catalog.providersOf(n).forEach(c -> providers.add(c.name())));
            String reason = NOT_ASKED + String.join(" or ", needs) + ", and "
                    + (providers.isEmpty() ? "no connector provides it" : "none of " + String.join(", ", new HashSet<>(providers)) + " found one");
            // claim it like a worker would, so a task promoted meanwhile is not overwritten
            if (tasks.promote(t.id()) && tasks.claim(t.id())) {
                tasks.finish(t, new TaskResult(Outcome.NOT_FOUND, reason, List.of(), java.util.Map.of()));
            }
        }
    }

    /** How the detail of a task that could not be asked starts: the confirmation says it was not asked. */
    public static final String NOT_ASKED = "cannot be asked without ";

    /** Only enabled connectors have a queue and a route to run their tasks. */
    public boolean runnable(TaskRow t) {
        return connector(t).map(Connector::enabled).orElse(false);
    }

    private Set<String> known(String requestId) {
        Set<String> known = new HashSet<>(requests.identifiers(requestId).keySet());
        known.add(EMAIL);
        return known;
    }

    private java.util.Optional<Connector> connector(TaskRow t) {
        return catalog.find(t.connector());
    }
}
