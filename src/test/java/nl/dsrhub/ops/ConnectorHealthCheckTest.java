package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A connector's readiness: down after consecutive failures or while its circuit breaker is open. */
class ConnectorHealthCheckTest {

    final ConnectorTracker tracker = new ConnectorTracker(Clock.systemUTC(), new SimpleMeterRegistry());

    @Test
    void downAfterConsecutiveFailuresAndUpAgainAtTheNextSuccess() {
        ConnectorHealthCheck check = new ConnectorHealthCheck("mollie", tracker, 3);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.call().getDetails()).containsEntry("last.success", "never").containsEntry("breaker", "n/a");

        tracker.failure("mollie", Duration.ofMillis(5), "TransientFailure: HTTP 503");
        tracker.failure("mollie", Duration.ofMillis(5), "TransientFailure: HTTP 503");
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        tracker.failure("mollie", Duration.ofMillis(5), "TransientFailure: HTTP 503");
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutive.failures", 3);
        assertThat(check.isLiveness()).isFalse();

        tracker.success("mollie", Duration.ofMillis(5));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.call().getDetails().get("last.success")).isNotEqualTo("never");
    }

    @Test
    void lastSuccessOfAnEarlierRunIsShownAfterARestartButNotOverANewerOne() {
        java.time.Instant earlier = java.time.Instant.parse("2026-11-20T10:00:00Z");
        tracker.success("laposta", Duration.ofMillis(5));
        tracker.restore(java.util.Map.of("moneybird", earlier, "laposta", earlier));

        assertThat(new ConnectorHealthCheck("moneybird", tracker, 3).call().getDetails())
                .containsEntry("last.success", earlier.toString());
        assertThat(tracker.stats("laposta").lastSuccess()).isAfter(earlier);
        assertThat(tracker.stats("moneybird").consecutiveFailures()).isZero();
    }

    @Test
    void openCircuitBreakerFromTheCamelRegistryMakesItDown() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
            breakers.circuitBreaker("mollie").transitionToOpenState();
            breakers.circuitBreaker("laposta");
            context.getRegistry().bind("circuitBreakers", breakers);
            ConnectorHealthCheck mollie = new ConnectorHealthCheck("mollie", tracker, 3);
            ConnectorHealthCheck laposta = new ConnectorHealthCheck("laposta", tracker, 3);
            ConnectorHealthCheck woo = new ConnectorHealthCheck("woocommerce", tracker, 3);
            mollie.setCamelContext(context);
            laposta.setCamelContext(context);
            woo.setCamelContext(context);

            assertThat(mollie.call().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(mollie.call().getDetails()).containsEntry("breaker", "OPEN");
            assertThat(laposta.call().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(woo.call().getDetails()).containsEntry("breaker", "n/a");
        }
    }
}
