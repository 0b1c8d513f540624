package nl.dsrhub.ops;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One readiness check per connector: DOWN after {@code downAfter} consecutive failed attempts, or
 * while its circuit breaker is open. A processor being down is not the hub being dead, so this is
 * not a liveness check. Shows no personal data: times, counts and the breaker's state.
 */
public final class ConnectorHealthCheck extends AbstractHealthCheck {

    private final String connector;
    private final ConnectorTracker tracker;
    private final int downAfter;

    public ConnectorHealthCheck(String connector, ConnectorTracker tracker, int downAfter) {
        super("dsr", "connector-" + connector);
        this.connector = connector;
        this.tracker = tracker;
        this.downAfter = downAfter;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectorTracker.Stats s = tracker.stats(connector);
        String breaker = breakerState();
        builder.detail("connector", connector);
        builder.detail("last.success", s.lastSuccess() == null ? "never" : s.lastSuccess().toString());
        builder.detail("consecutive.failures", s.consecutiveFailures());
        builder.detail("breaker", breaker);
        boolean down = s.consecutiveFailures() >= downAfter || "OPEN".equals(breaker) || "FORCED_OPEN".equals(breaker);
        if (down) {
            builder.message(s.consecutiveFailures() >= downAfter
                    ? s.consecutiveFailures() + " consecutive failed attempts" : "circuit breaker " + breaker);
            builder.down();
        } else {
            builder.up();
        }
    }

    public Health health() {
        ConnectorTracker.Stats s = tracker.stats(connector);
        String breaker = breakerState();
        boolean down = s.consecutiveFailures() >= downAfter || "OPEN".equals(breaker) || "FORCED_OPEN".equals(breaker);
        return new Health(connector, !down, s, breaker);
    }

    /** For the dashboard. */
    public record Health(String connector, boolean up, ConnectorTracker.Stats stats, String breaker) {
    }

    /**
     * The breaker another stage binds as {@code circuitBreakers} (a resilience4j CircuitBreakerRegistry),
     * looked up by reflection so the hub runs without it: "n/a" when absent.
     */
    String breakerState() {
        if (getCamelContext() == null) {
            return "n/a";
        }
        Object registry = getCamelContext().getRegistry().lookupByName("circuitBreakers");
        if (registry == null) {
            return "n/a";
        }
        try {
            Object found = registry.getClass().getMethod("find", String.class).invoke(registry, connector);
            if (found instanceof Optional<?> o && o.isPresent()) {
                Object b = o.get();
                return String.valueOf(b.getClass().getMethod("getState").invoke(b));
            }
            return "n/a";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
