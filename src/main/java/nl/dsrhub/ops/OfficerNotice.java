package nl.dsrhub.ops;

import java.time.OffsetDateTime;

/**
 * Something the privacy officer must know, e.g. a deadline close or passed. Never personal data:
 * request ids, connectors, dates. The body of {@code direct:notify-officer}.
 *
 * @param level {@code due-soon} or {@code overdue} for deadlines, {@code unexpected-reply <connector>} for a reply from
 *              an unexpected sender, {@code gave-up-<task id>} for a task whose retries ended, {@code resubscribed-<finding id>}
 *              for an address of the suppression register subscribed again; the pair (request, level) is raised once
 */
public record OfficerNotice(String requestId, String level, OffsetDateTime at, String message) {

    /** A task no longer retried (its attempts spent, or its request's deadline near): once per task. */
    public static OfficerNotice retriesEnded(nl.dsrhub.plan.TaskRunner.RetriesEnded r) {
        return new OfficerNotice(r.requestId(), "gave-up-" + r.taskId(), null, "Request " + r.requestId() + ": "
                + r.connector() + " needs attention, " + r.why() + ". Settle it by hand, or run `retry "
                + r.requestId() + " --connector " + r.connector() + "` once the processor is back.");
    }
}
