package nl.dsrhub.connector;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.dsrhub.store.BreakerStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resilience4j circuit breaker per connector, named by the connector: a processor whose task runs keep
 * failing transiently (timeouts, refused connections, 5xx) is left alone for a while, so it is not hammered
 * while it is down; other processors go on. The registry is bound in Camel as {@code circuitBreakers} (health
 * checks read it); every state change is also stored, for {@code status} and {@code connectors}.
 *
 * <p>Counted per task run (not per HTTP call): a run ends in a transient failure (counted as failure), a
 * result or a permanent failure (the processor answered: success). A throttling answer with a retry hint is
 * not counted: the processor is well and has said when to come back.
 */
public final class ConnectorBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorBreakers.class);

    /** Breaker settings ({@code dsr.breaker.*}). */
    public record Settings(int window, int minimumCalls, float failureRatePercent, Duration open) {
        public static Settings defaults() {
            return new Settings(10, 5, 50f, Duration.ofSeconds(60));
        }
    }

    private final CircuitBreakerRegistry registry;
    private final Settings settings;
    private final BreakerStates states;
    private final Clock clock;
    private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();

    /** @param states where state changes are stored for operators; null to keep them in memory only */
    public ConnectorBreakers(Settings settings, BreakerStates states, Clock clock) {
        this.settings = settings;
        this.states = states;
        this.clock = clock;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.open())
                // one trial run decides whether the processor is back
                .permittedNumberOfCallsInHalfOpenState(1)
                // half-open as soon as the wait is over, even when no task comes to try: health and status then
                // stop reporting the processor as spared
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        if (states != null) {
            states.clear();
        }
    }

    /** The registry bound as {@code circuitBreakers}: one breaker per connector, named by the connector. */
    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** The connector's breaker, created (closed) on first use. */
    public CircuitBreaker of(String connector) {
        return registry.find(connector).orElseGet(() -> {
            synchronized (this) {
                return registry.find(connector).orElseGet(() -> {
                    CircuitBreaker cb = registry.circuitBreaker(connector);
                    cb.getEventPublisher().onStateTransition(e -> changed(connector, e.getStateTransition().getToState()));
                    return cb;
                });
            }
        });
    }

    /**
     * Runs one task's work under the connector's breaker.
     *
     * @throws CircuitOpen when the breaker does not let the work run now, with how long to wait
     */
    public <T> T call(String connector, Supplier<T> work) {
        CircuitBreaker cb = of(connector);
        if (!cb.tryAcquirePermission()) {
            throw new CircuitOpen(connector, waitLeft(connector, cb.getState()));
        }
        long start = System.nanoTime();
        try {
            T result = work.get();
            cb.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (PermanentFailure e) {
            // the processor answered (e.g. 401): it is reachable; the task itself needs the officer
            cb.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        } catch (TransientFailure e) {
            if (e.retryAfter() != null) {
                cb.releasePermission();
            } else {
                lastError.put(connector, e.getMessage());
                cb.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException e) {
            // the hub's own trouble (database, files), not the processor's
            cb.releasePermission();
            throw e;
        }
    }

    private Duration waitLeft(String connector, CircuitBreaker.State state) {
        Instant until = openUntil.get(connector);
        Duration left = state == CircuitBreaker.State.OPEN && until != null
                ? Duration.between(clock.instant(), until) : settings.open().dividedBy(4);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    private void changed(String connector, CircuitBreaker.State to) {
        Instant now = clock.instant();
        Instant until = to == CircuitBreaker.State.OPEN ? now.plus(settings.open()) : null;
        if (until != null) {
            openUntil.put(connector, until);
        } else {
            openUntil.remove(connector);
        }
        if (to == CircuitBreaker.State.OPEN) {
            LOG.warn("circuit breaker of {} opened after repeated failures: its tasks wait until {}", connector, until);
        } else {
            LOG.info("circuit breaker of {} is {}", connector, to);
        }
        if (states != null) {
            try {
                states.save(new BreakerStates.State(connector, to.name(), OffsetDateTime.ofInstant(now, clock.getZone()),
                        until == null ? null : OffsetDateTime.ofInstant(until, clock.getZone()),
                        to == CircuitBreaker.State.CLOSED ? null : lastError.get(connector)));
            } catch (RuntimeException e) {
                // the breaker works without the stored copy; operators see it at the next change
                LOG.warn("cannot store the breaker state of {}: {}", connector, e.getClass().getSimpleName());
            }
        }
    }
}
