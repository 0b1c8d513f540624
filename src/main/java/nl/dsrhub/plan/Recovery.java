package nl.dsrhub.plan;

import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up work the database says is unfinished: at start-up everything that was in flight when the
 * hub stopped; on every sweep, requests submitted by the CLI and failed tasks whose retry is due.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    /** How long a dispatched task may wait in its queue before a sweep dispatches it again. */
    private static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);

    private final Planner planner;
    private final RequestStore requests;
    private final TaskStore tasks;

    public Recovery(Planner planner, RequestStore requests, TaskStore tasks) {
        this.planner = planner;
        this.requests = requests;
        this.tasks = tasks;
    }

    /** At start-up: tasks that were running go back to the queue, and every open request moves on. */
    public List<Progress> resume() {
        int requeued = tasks.requeueInFlight();
        List<Progress> out = new ArrayList<>();
        for (String id : requests.idsWithStatus(RequestStore.RECEIVED)) {
            out.add(planner.plan(id));
        }
        for (String id : requests.idsWithStatus(RequestStore.PLANNED)) {
            out.add(planner.resume(id));
        }
        for (String id : requests.idsWithStatus(RequestStore.COMPLETING)) {
            out.add(new Progress(id, List.of(), true));
        }
        if (requeued > 0 || !out.isEmpty()) {
            LOG.info("resuming {} open request(s); {} task(s) were in flight", out.size(), requeued);
        }
        return out;
    }

    /** Periodically: requests stored by {@code submit} while the hub ran, retries that are due, lost tasks. */
    public List<Progress> sweep() {
        List<Progress> out = new ArrayList<>();
        for (String id : requests.idsWithStatus(RequestStore.RECEIVED)) {
            out.add(planner.plan(id));
        }
        for (TaskRow t : tasks.takeDueRetries(LEASE)) {
            if (!planner.runnable(t)) {
                continue;
            }
            out.add(new Progress(t.requestId(), List.of(new TaskRef(t.id(), t.connector())), false));
        }
        for (TaskRow t : tasks.takeStalePending(LEASE)) {
            // queued long ago and never claimed: lost from a queue; claiming keeps it single
            if (!planner.runnable(t)) {
                continue;
            }
            out.add(new Progress(t.requestId(), List.of(new TaskRef(t.id(), t.connector())), false));
        }
        return out;
    }
}
