package nl.dsrhub.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * At start-up: tasks that were running go back to the queue, and every open request moves on. The
     * requests are planned one by one as the route takes them (a lazy iterator, split in streaming mode),
     * so a queued bulk job of thousands has its first tasks running while the rest is still being planned.
     */
    public Iterator<Progress> resume() {
        int requeued = tasks.requeueInFlight();
        List<String> received = requests.idsWithStatus(RequestStore.RECEIVED);
        List<String> planned = requests.idsWithStatus(RequestStore.PLANNED);
        List<String> completing = requests.idsWithStatus(RequestStore.COMPLETING);
        int open = received.size() + planned.size() + completing.size();
        if (requeued > 0 || open > 0) {
            LOG.info("resuming {} open request(s); {} task(s) were in flight", open, requeued);
        }
        // concat, not flatMap: a flatMap'd stream's iterator plans a whole inner list at its first step
        return Stream.concat(received.stream().map(planner::plan), Stream.concat(planned.stream().map(planner::resume),
                completing.stream().map(id -> new Progress(id, List.of(), true)))).iterator();
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
