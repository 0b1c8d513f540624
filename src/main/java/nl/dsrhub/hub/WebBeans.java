package nl.dsrhub.hub;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.ops.ConnectorHealthCheck;
import nl.dsrhub.ops.ConnectorTracker;
import nl.dsrhub.ops.DsrMetrics;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.web.AccessToken;
import nl.dsrhub.web.OfficerSession;
import nl.dsrhub.web.Sessions;
import nl.dsrhub.web.WebGuard;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The officer's access (token, sessions, the gate in front of the HTTP server) and what operators watch: the dsr_*
 * metrics on Camel's Prometheus registry (bound by {@link Hub} before Camel sets up its metrics) and a health check
 * per connector. Beans here depend only on earlier
 * configuration classes or on this class's beans without dependencies of their own here (Camel binds the methods
 * of one class in that order).
 */
public final class WebBeans implements CamelConfiguration {

    @BindToRegistry("accessToken")
    public AccessToken accessToken(Services services) {
        return AccessToken.fromDataDir(services.dataDir);
    }

    @BindToRegistry("sessions")
    public Sessions sessions(Clock clock, @PropertyInject("dsr.web.session-idle-minutes") int idleMinutes,
                             @PropertyInject("dsr.web.session-hours") int hours) {
        return new Sessions(clock, Duration.ofMinutes(idleMinutes), Duration.ofHours(hours));
    }

    /** Counts every connector attempt for health and latency; the last answers survive a restart. */
    @BindToRegistry("connectorTracker")
    public ConnectorTracker connectorTracker(PrometheusMeterRegistry registry, Clock clock, EventLog events) {
        ConnectorTracker tracker = new ConnectorTracker(clock, registry);
        Map<String, Instant> lastSuccesses = new HashMap<>();
        events.lastAnswers().forEach((connector, at) -> lastSuccesses.put(connector, at.toInstant()));
        tracker.restore(lastSuccesses);
        return tracker;
    }

    /** Bound so that it lives as long as the hub: micrometer keeps only weak references to it. */
    @BindToRegistry("dsrMetrics")
    public DsrMetrics dsrMetrics(Jdbc jdbc, Clock clock, ConnectorCatalog catalog, PrometheusMeterRegistry registry,
                                 SuppressionRegister suppression, RestrictionRegister restrictions) {
        DsrMetrics metrics = new DsrMetrics(jdbc, suppression, restrictions, clock);
        metrics.bindTo(registry, catalog.enabled().stream().map(Connector::name).toList());
        return metrics;
    }

    @BindToRegistry("officerSession")
    public OfficerSession officerSession(Sessions sessions, AccessToken token, HubConfig config) {
        return new OfficerSession(sessions, token, config.get("dsr.web.origin"));
    }

    @BindToRegistry("webGuard")
    public WebGuard webGuard(AccessToken token, Sessions sessions, HubConfig config,
                             @PropertyInject("dsr.intake.max-bytes") long maxBytes,
                             @PropertyInject("dsr.web.max-upload-bytes") long uploadBytes) {
        return new WebGuard(token, sessions, maxBytes, uploadBytes, config.get("dsr.web.origin"));
    }

    /** One health check per enabled connector, added to Camel's health registry by {@link AfterConfigure}. */
    @BindToRegistry("connectorHealthChecks")
    public ConnectorHealthChecks connectorHealthChecks(ConnectorTracker tracker, ConnectorCatalog catalog,
                                                       @PropertyInject("dsr.health.down-after-failures") int downAfter) {
        return new ConnectorHealthChecks(catalog.enabled().stream()
                .map(c -> new ConnectorHealthCheck(c.name(), tracker, downAfter)).toList());
    }

}
