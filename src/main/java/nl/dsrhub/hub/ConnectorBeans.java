package nl.dsrhub.hub;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.AnswerLimits;
import nl.dsrhub.connector.ConnectorBreakers;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.mail.MailEngine;
import nl.dsrhub.ops.ConnectorTracker;
import nl.dsrhub.ops.TrackingEngine;
import nl.dsrhub.plan.RetryPolicy;
import nl.dsrhub.plan.TaskRunner;
import nl.dsrhub.store.BreakerStates;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.Jdbc;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * What runs a task at a processor: the HTTP engine, a circuit breaker per connector, the retry policy and the task
 * runner that gives each task to its channel's engine (HTTP here, mail from {@link MailRouteBeans}).
 */
public final class ConnectorBeans implements CamelConfiguration {

    /**
     * How much of an answer is read, and for how long: checked for every enabled connector now, so that a bad setting
     * stops the start with its name rather than failing tasks later.
     */
    @BindToRegistry("httpEngine")
    public HttpEngine httpEngine(CamelContext context, CallJournal journal, Clock clock, HubConfig config,
                                 ConnectorCatalog catalog) {
        Function<String, AnswerLimits> limits = AnswerLimits.resolver(
                new SettingsSource(config::find, config.environment()), config::optional);
        catalog.enabled().forEach(c -> limits.apply(c.name()));
        return new HttpEngine(() -> context, journal, clock, limits);
    }

    /** A circuit breaker for each enabled connector, set as dsr.breaker.* says, its state kept in the database. */
    @BindToRegistry("connectorBreakers")
    public ConnectorBreakers connectorBreakers(Jdbc jdbc, Clock clock, ConnectorCatalog catalog,
                                               @PropertyInject("dsr.breaker.window") int window,
                                               @PropertyInject("dsr.breaker.minimum-calls") int minimumCalls,
                                               @PropertyInject("dsr.breaker.failure-rate-percent") int failureRate,
                                               @PropertyInject("dsr.breaker.open-seconds") int openSeconds) {
        ConnectorBreakers breakers = new ConnectorBreakers(new ConnectorBreakers.Settings(window, minimumCalls, failureRate,
                Duration.ofSeconds(openSeconds)), new BreakerStates(jdbc), clock);
        catalog.enabled().forEach(c -> breakers.of(c.name()));
        return breakers;
    }

    /** The breakers' registry, for the health checks. */
    @BindToRegistry("circuitBreakers")
    public CircuitBreakerRegistry circuitBreakers(ConnectorBreakers breakers) {
        return breakers.registry();
    }

    @BindToRegistry("retryPolicy")
    public RetryPolicy retryPolicy(@PropertyInject("dsr.retry.base-seconds") int baseSeconds,
                                   @PropertyInject("dsr.retry.max-attempts") int maxAttempts,
                                   @PropertyInject("dsr.retry.stop-hours-before-deadline") int stopHours) {
        return new RetryPolicy(Duration.ofSeconds(baseSeconds), maxAttempts, Duration.ofHours(stopHours));
    }

    /** Each channel's engine with every attempt counted for health and latency. */
    @BindToRegistry("taskRunner")
    public TaskRunner taskRunner(Services s, HttpEngine http, MailEngine mail, ConnectorTracker tracker, RetryPolicy retry,
                                 ConnectorBreakers breakers) {
        return new TaskRunner(s.catalog, s.requests, s.tasks,
                Map.of(Channel.HTTP, new TrackingEngine(http, tracker), Channel.MAIL, new TrackingEngine(mail, tracker)),
                s.workDir(), s.clock, retry).withBreakers(breakers);
    }
}
