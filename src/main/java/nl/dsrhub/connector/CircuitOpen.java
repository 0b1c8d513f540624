package nl.dsrhub.connector;

import java.time.Duration;

/**
 * The connector's circuit breaker is open: the task is not run now and not counted as an attempt, but
 * stored until the breaker lets a trial call through.
 */
public final class CircuitOpen extends TransientFailure {

    public CircuitOpen(String connector, Duration wait) {
        super("circuit breaker of " + connector + " is open: processor spared after repeated failures", wait);
    }
}
