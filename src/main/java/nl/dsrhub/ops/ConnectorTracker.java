package nl.dsrhub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each connector's calls came to lately, for its health check and latency metric: last
 * success, consecutive failures. The last success is restored at start-up from the stored outcomes;
 * the failure count starts at zero, so after a restart the first task shows the connector's real state.
 */
public final class ConnectorTracker {

    /** A connector's recent record; {@code lastError} is the engine's PD-free failure message. */
    public record Stats(Instant lastSuccess, Instant lastFailure, int consecutiveFailures, long successes,
                        long failures, String lastError) {
        static final Stats NONE = new Stats(null, null, 0, 0, 0, null);
    }

    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Clock clock;
    private final MeterRegistry registry;

    public ConnectorTracker(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    public void success(String connector, Duration took) {
        Instant now = clock.instant();
        stats.compute(connector, (k, s) -> {
            Stats o = s == null ? Stats.NONE : s;
            return new Stats(now, o.lastFailure(), 0, o.successes() + 1, o.failures(), o.lastError());
        });
        timer(connector, "success").record(took);
    }

    public void failure(String connector, Duration took, String error) {
        Instant now = clock.instant();
        stats.compute(connector, (k, s) -> {
            Stats o = s == null ? Stats.NONE : s;
            return new Stats(o.lastSuccess(), now, o.consecutiveFailures() + 1, o.successes(), o.failures() + 1, error);
        });
        timer(connector, "failure").record(took);
    }

    /** At start-up: the last successes of earlier runs, for connectors this run has not heard from yet. */
    public void restore(Map<String, Instant> lastSuccesses) {
        lastSuccesses.forEach((connector, at) -> stats.putIfAbsent(connector,
                new Stats(at, null, 0, 0, 0, null)));
    }

    public Stats stats(String connector) {
        return stats.getOrDefault(connector, Stats.NONE);
    }

    private Timer timer(String connector, String result) {
        return Timer.builder("dsr.task.duration").description("Time a connector's engine took per task attempt")
                .tag("connector", connector).tag("result", result).register(registry);
    }
}
