package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-connector breaker: what opens it, what it does while open, and what closes it again. */
class ConnectorBreakersTest {

    private final ConnectorBreakers breakers = new ConnectorBreakers(
            new ConnectorBreakers.Settings(4, 4, 50f, Duration.ofMillis(300)), null, Clock.systemUTC());
    private final AtomicInteger runs = new AtomicInteger();

    private String failing() {
        runs.incrementAndGet();
        throw new TransientFailure("mollie step x: HTTP 503", null);
    }

    private String working() {
        runs.incrementAndGet();
        return "ok";
    }

    @Test
    void repeatedTransientFailuresOpenTheBreakerAndLaterRunsAreNotStartedButToldHowLongToWait() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.call("mollie", this::failing)).isInstanceOf(TransientFailure.class)
                    .isNotInstanceOf(CircuitOpen.class);
        }
        assertThat(breakers.of("mollie").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> breakers.call("mollie", this::working)).isInstanceOfSatisfying(CircuitOpen.class,
                e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(runs).hasValue(4);
        // other connectors are not affected
        assertThat(breakers.call("woocommerce", this::working)).isEqualTo("ok");
    }

    @Test
    void afterTheWaitOneSuccessfulTrialClosesTheBreaker() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.call("mollie", this::failing)).isInstanceOf(TransientFailure.class);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(CircuitOpen.class)
                .until(() -> "ok".equals(breakers.call("mollie", this::working)));
        assertThat(breakers.of("mollie").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void permanentFailuresAndThrottlingWithAHintDoNotOpenTheBreaker() {
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> breakers.call("woocommerce", () -> {
                throw new PermanentFailure("woocommerce step customer: HTTP 401");
            })).isInstanceOf(PermanentFailure.class);
            assertThatThrownBy(() -> breakers.call("woocommerce", () -> {
                throw new TransientFailure("woocommerce step customer: HTTP 429", Duration.ofSeconds(2));
            })).isInstanceOf(TransientFailure.class).isNotInstanceOf(CircuitOpen.class);
        }
        assertThat(breakers.of("woocommerce").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theRegistryHasOneBreakerPerConnectorNamedByTheConnector() {
        breakers.of("mollie");
        breakers.of("laposta");
        breakers.of("mollie");
        assertThat(breakers.registry().getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
                .containsExactlyInAnyOrder("mollie", "laposta");
    }
}
