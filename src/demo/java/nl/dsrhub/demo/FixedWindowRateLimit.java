package nl.dsrhub.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed-window request counter for the simulators of processors that limit requests per time window
 * (Laposta, Moneybird): at most {@code limit} requests per {@code window}; the window starts with the
 * first request after the previous one ended.
 */
final class FixedWindowRateLimit {

    /** The outcome of one request: admitted or not, what is left and when the window ends. */
    record Decision(boolean allowed, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {
    }

    private final Clock clock;
    private int limit;            // guarded by this
    private Duration window;      // guarded by this
    private Instant windowStart;  // guarded by this
    private int used;             // guarded by this

    FixedWindowRateLimit(int limit, Duration window, Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        set(limit, window);
    }

    synchronized void set(int limit, Duration window) {
        if (limit < 1 || window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit >= 1 and a positive window expected");
        }
        this.limit = limit;
        this.window = window;
        this.windowStart = null;
        this.used = 0;
    }

    synchronized int limit() {
        return limit;
    }

    synchronized Duration window() {
        return window;
    }

    /** Counts one request (when admitted) and says whether it is admitted. */
    synchronized Decision acquire() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        Instant reset = windowStart.plus(window);
        if (used < limit) {
            used++;
            return new Decision(true, limit, limit - used, reset, 0);
        }
        long millis = Duration.between(now, reset).toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);   // Retry-After is whole seconds, never 0
        return new Decision(false, limit, 0, reset, seconds);
    }
}
