package nl.dsrhub.ops;

import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.TaskStore;

/** The officer's actions, the same for dashboard, REST API and command line. */
public final class Operations {

    private final TaskStore tasks;
    private final EventLog events;
    private final Settlement settlement;
    private final DeadlineExtension extension;
    private final Refusal refusal;

    public Operations(TaskStore tasks, EventLog events, Settlement settlement, DeadlineExtension extension, Refusal refusal) {
        this.tasks = tasks;
        this.events = events;
        this.settlement = settlement;
        this.extension = extension;
        this.refusal = refusal;
    }

    /** Makes failed tasks (all, or one connector's) due now; the retry sweep runs them. Returns how many. */
    public int retry(String requestId, String connector, String by) {
        String c = connector == null || connector.isBlank() ? null : connector;
        int n = tasks.retryNow(requestId, c);
        events.record(requestId, c, "retry-requested", n + " task(s) queued again by the officer (" + by + ")");
        return n;
    }

    public Settlement settlement() {
        return settlement;
    }

    public String settle(String requestId, String connector, String outcome, String reason, List<Path> files) {
        return settlement.settle(requestId, connector, outcome, reason, files);
    }

    public Path extend(String requestId, int months, String reason) {
        return extension.extend(requestId, months, reason);
    }

    /** Refuses the request (art. 12(4)) on a ground, with the reasons the letter tells the subject. */
    public Refusal.Done refuse(String requestId, String ground, String reason) {
        return refusal.refuse(requestId, ground, reason);
    }

    /** What refusing would stop and whom it would tell: the dashboard's confirmation step. */
    public Refusal.Preview refusalPreview(String requestId) {
        return refusal.preview(requestId);
    }
}
