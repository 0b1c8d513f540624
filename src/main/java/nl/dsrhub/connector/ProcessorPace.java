package nl.dsrhub.connector;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our side of the processors' rate limits: their published limits (the connector file's {@code limits}), spread
 * evenly, and their own word that a window is used up ({@code RateLimit-Remaining: 0}).
 */
final class ProcessorPace {

    /** Longer waits than this are not slept through in a worker: the task is stored for later instead. */
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(2);

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    /** Per connector: the processor said its window is used up (RateLimit-Remaining: 0) until this instant. */
    private final Map<String, Instant> exhaustedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    ProcessorPace(Clock clock) {
        this.clock = clock;
    }

    /** Waits until the processor's limits allow one more call of the method ({@code GET} or one that changes data). */
    void awaitPermit(Connector connector, String method) {
        Limits limits = connector.definition().limits();
        awaitPermit(connector, "requests", limits.requests());
        if (!"GET".equals(method)) {
            awaitPermit(connector, "writes", limits.writes());
        }
    }

    /**
     * Permits are spread evenly (bursts of at most a fiftieth of the limit), so that no window of the processor's
     * length ever sees more than its limit, however its window is aligned.
     */
    private void awaitPermit(Connector connector, String kind, Limits.Rate rate) {
        if (rate == null) {
            return;
        }
        if ("requests".equals(kind)) {
            awaitProcessorWindow(connector);
        }
        RateLimiter limiter = limiters.computeIfAbsent(connector.name() + "/" + kind, k -> {
            // Small bursts (2% of the limit) and one burst of slack per window for timing jitter:
            // 96% of the published rate (bursts of 10% left 90%, which the bench showed binding).
            int burst = Math.max(1, Math.min(10, rate.count() / 50));
            long slack = rate.count() >= 50 ? burst : 0;
            long periodMillis = rate.period().toMillis() * burst / Math.max(1, rate.count() - burst - slack);
            return RateLimiter.of(k, RateLimiterConfig.custom()
                    .limitForPeriod(burst)
                    .limitRefreshPeriod(Duration.ofMillis(Math.max(1, periodMillis)))
                    .timeoutDuration(Duration.ofHours(1))
                    .build());
        });
        try {
            RateLimiter.waitForPermission(limiter);
        } catch (RuntimeException e) {
            // not permitted within the hour, or the wait was cut short (the hub stopping): our limit, not the
            // processor's failure, so the task is stored for a while rather than counted against the processor
            throw new TransientFailure(connector.name() + ": no permit from its rate limit (" + e.getClass().getSimpleName()
                    + ")", LONGEST_PAUSE);
        }
    }

    /** Honours the processor's own word that its window is used up, before any call is made. */
    private void awaitProcessorWindow(Connector connector) {
        Instant until = exhaustedUntil.get(connector.name());
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            exhaustedUntil.remove(connector.name(), until);
            return;
        }
        if (wait.compareTo(LONGEST_PAUSE) > 0) {
            throw new TransientFailure(connector.name() + ": rate limit window used up", wait);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(connector.name() + ": interrupted while waiting for its rate limit", wait);
        }
    }

    /**
     * Reads {@code RateLimit-Remaining} / {@code RateLimit-Reset} (Moneybird and the IETF draft): when nothing
     * is left, no call goes out until the reset. The reset may be seconds from now or a Unix time.
     */
    void note(Connector connector, Answer answer) {
        Optional<String> remaining = answer.header("RateLimit-Remaining");
        Optional<String> reset = answer.header("RateLimit-Reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return;
        }
        try {
            if (Long.parseLong(remaining.get().trim()) > 0) {
                return;
            }
            long r = Long.parseLong(reset.get().trim());
            // whole seconds: the window really ends within the second after the one stated
            Instant until = (r > 1_000_000_000L ? Instant.ofEpochSecond(r) : clock.instant().plusSeconds(r)).plusSeconds(1);
            exhaustedUntil.merge(connector.name(), until, (a, b) -> a.isAfter(b) ? a : b);
        } catch (NumberFormatException e) {
            // a form we do not know: the published limit still applies
        }
    }
}
