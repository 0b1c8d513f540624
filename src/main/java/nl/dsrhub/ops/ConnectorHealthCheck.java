package nl.dsrhub.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.util.Map;
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

    /** The connector's breaker in the {@code circuitBreakers} registry the hub binds: "n/a" when there is none. */
    String breakerState() {
        if (getCamelContext() == null) {
            return "n/a";
        }
        CircuitBreakerRegistry registry = getCamelContext().getRegistry()
                .lookupByNameAndType("circuitBreakers", CircuitBreakerRegistry.class);
        return registry == null ? "n/a"
                : registry.find(connector).map(b -> b.getState().name()).orElse("n/a");
    }
}
