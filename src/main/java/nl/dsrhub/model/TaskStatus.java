package nl.dsrhub.model;

/** Where a task is in its life; the legal result is its {@link Outcome}. */
public enum TaskStatus {
    /** the identifiers the connector needs are not known yet */
    WAITING,
    /** ready to run, queued */
    PENDING,
    /** claimed by a worker; found RUNNING at start-up means it was in flight when the hub stopped */
    RUNNING,
    /** failed transiently; runs again at {@code next_attempt_at} */
    RETRY,
    /** ended with an outcome (which may still need an officer: AWAITING_REPLY, NEEDS_ATTENTION) */
    DONE
}
