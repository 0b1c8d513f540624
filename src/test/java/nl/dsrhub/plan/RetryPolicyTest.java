package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.Template;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.store.StoreException;
import org.junit.jupiter.api.Test;

/** No task is retried without end: a number of attempts, and not up to the deadline. */
class RetryPolicyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T10:00:00+01:00");
    private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-12-20T10:00:00+01:00");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 24, Duration.ofHours(48));

    @Test
    void failedTaskIsRetriedWhileItHasAttemptsAndTime() {
        assertThat(policy.stop(23, NOW.plusHours(6), DEADLINE)).isEmpty();
    }

    @Test
    void retriesEndWhenTheAttemptsAreSpent() {
        assertThat(policy.stop(24, NOW.plusHours(6), DEADLINE))
                .hasValue("stopped retrying after 24 attempt(s) (dsr.retry.max-attempts)");
    }

    @Test
    void retriesEndWhenTheNextAttemptWouldComeTooCloseToTheDeadline() {
        assertThat(policy.stop(2, DEADLINE.minusHours(47), DEADLINE)).hasValue("stopped retrying: the next attempt "
                + "would come within 48 hours of the request's deadline, 2026-12-20 (dsr.retry.stop-hours-before-deadline)");
        assertThat(policy.stop(2, DEADLINE.minusHours(49), DEADLINE)).isEmpty();
    }

    @Test
    void anOverdueRequestsTasksAreNotRetried() {
        assertThat(policy.stop(1, DEADLINE.plusDays(1), DEADLINE)).isPresent();
    }

    @Test
    void waitsDoubleWithJitterAndNeverExceedSixHours() {
        assertThat(policy.backoff(1)).isBetween(Duration.ofSeconds(30), Duration.ofMillis(37_500));
        assertThat(policy.backoff(3)).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(150));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void sensibleDefaultsWaitOutAWeekendBeforeGivingUp() {
        RetryPolicy defaults = new RetryPolicy(Duration.ofSeconds(30), 24, Duration.ofHours(48));
        Duration least = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            // the least each wait can be: without its jitter
            least = least.plus(Duration.ofMillis(Math.min(30_000L << Math.min(attempt - 1, 10), Duration.ofHours(6).toMillis())));
        }
        assertThat(least).isGreaterThan(Duration.ofHours(72));
    }

    @Test
    void theProcessorsTransientFailuresAndTheHubsOwnTroubleAreRetried() {
        assertThat(RetryPolicy.retries(new TransientFailure("HTTP 503", null))).isTrue();
        assertThat(RetryPolicy.retries(new StoreException(new SQLException("connection lost")))).isTrue();
        assertThat(RetryPolicy.retries(new UncheckedIOException(new java.io.IOException("disk full")))).isTrue();
    }

    @Test
    void anythingElseIsPermanent() {
        assertThat(RetryPolicy.retries(new PermanentFailure("HTTP 401"))).isFalse();
        assertThat(RetryPolicy.retries(new IllegalStateException("bug"))).isFalse();
        assertThat(RetryPolicy.retries(new NumberFormatException("For input string: \"jan@example.nl\""))).isFalse();
    }

    @Test
    void aPermanentFailureIsDescribedByItsKindNeverByItsText() {
        assertThat(RetryPolicy.describe(new NumberFormatException("For input string: \"jan@example.nl\"")))
                .startsWith("failed with NumberFormatException").doesNotContain("jan@example.nl");
    }

    @Test
    void anUnexpandableTemplateIsDescribedByThePlaceholderItMisses() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> Template.expand("/lists/${settings.list-id}", n -> null));

        assertThat(e).isInstanceOf(Template.Unexpandable.class);
        assertThat(RetryPolicy.describe(e)).startsWith("a connector template cannot be expanded (no value for ${settings.list-id})");
    }
}
