package nl.dsrhub.plan;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import nl.dsrhub.connector.Template;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.store.StoreException;

/**
 * When a failed task is tried again, and when it is not: no task is retried without end. A transient failure
 * waits for its next attempt (doubling from {@code base}, with jitter, at most 6 hours) until {@code maxAttempts}
 * runs have failed, or until the next attempt would come within {@code stopBeforeDeadline} of the request's
 * deadline; then the task needs the officer. Anything else that is not the hub's own trouble is permanent.
 */
public record RetryPolicy(Duration base, int maxAttempts, Duration stopBeforeDeadline) {

    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("dsr.retry.max-attempts: must be at least 1");
        }
        if (stopBeforeDeadline.isNegative()) {
            throw new IllegalArgumentException("dsr.retry.stop-hours-before-deadline: must be 0 or more");
        }
    }

    /** The wait before the next attempt after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 10);
        long wait = base.toMillis() * factor;
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(wait / 4, 1));
        return Duration.ofMillis(Math.min(wait + jitter, LONGEST_WAIT.toMillis()));
    }

    /**
     * Why the task is not tried again, or empty when it is.
     *
     * @param attempts    the runs that failed so far (0 when none ran: a postponed task)
     * @param nextAttempt when it would run next
     */
    Optional<String> stop(int attempts, OffsetDateTime nextAttempt, OffsetDateTime deadline) {
        if (attempts >= maxAttempts) {
            return Optional.of("stopped retrying after " + attempts + " attempt(s) (dsr.retry.max-attempts)");
        }
        if (deadline != null && nextAttempt.isAfter(deadline.minus(stopBeforeDeadline))) {
            return Optional.of("stopped retrying: the next attempt would come within " + stopBeforeDeadline.toHours()
                    + " hours of the request's deadline, " + deadline.toLocalDate() + " (dsr.retry.stop-hours-before-deadline)");
        }
        return Optional.empty();
    }

    /**
     * True for the failures worth another attempt: the processor's (timeouts, 5xx, 429) and the hub's own
     * (its database, its files). Anything else (a template that cannot be expanded, an answer that cannot be
     * read, a fault of the hub) would fail the same way again.
     */
    static boolean retries(Throwable e) {
        return e instanceof TransientFailure || e instanceof StoreException || e instanceof UncheckedIOException
                || Thread.currentThread().isInterrupted();
    }

    /**
     * What the task's detail says about a permanent failure: its kind, and its message only when the hub wrote it
     * to be shown (other exceptions' texts can quote URLs with e-mail addresses, or answers).
     */
    static String describe(Throwable e) {
        String kind = e.getClass().getSimpleName();
        if (e instanceof Template.Unexpandable) {
            return "a connector template cannot be expanded (" + e.getMessage() + "): not retried; fix the connector "
                    + "file or its settings, then run retry";
        }
        return "failed with " + kind + " (not retried: it would fail the same way; its text is not shown, it may "
                + "quote personal data)";
    }
}
