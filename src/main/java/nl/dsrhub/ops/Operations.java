package nl.dsrhub.ops;

import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.request.ObjectionDecisions;
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
    private final ObjectionDecisions objections;

    public Operations(TaskStore tasks, EventLog events, Settlement settlement, DeadlineExtension extension, Refusal refusal,
                      ObjectionDecisions objections) {
        this.tasks = tasks;
        this.events = events;
        this.settlement = settlement;
        this.extension = extension;
        this.refusal = refusal;
        this.objections = objections;
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

    /**
     * Upholds an objection on grounds of a particular situation (art. 21(1)): carried out as a linked erasure request,
     * planned by the sweep within seconds.
     *
     * @param how for the timeline: "on the dashboard", "with the CLI", "by the API"
     * @throws Settlement.Refused when the request awaits no decision
     */
    public ObjectionDecisions.Upheld uphold(String requestId, String how) {
        try {
            return objections.uphold(requestId, how);
        } catch (ObjectionDecisions.NotHeld e) {
            throw new Settlement.Refused(e.getMessage());
        }
    }

    /** What refusing would stop and whom it would tell: the dashboard's confirmation step. */
    public Refusal.Preview refusalPreview(String requestId) {
        return refusal.preview(requestId);
    }
}
