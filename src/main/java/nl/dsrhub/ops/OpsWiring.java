package nl.dsrhub.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.dsrhub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorEngine;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.plan.Settlement;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;

/**
 * The operators' view, wired into the hub in one place: health checks per connector, the dsr_*
 * metrics on Camel's Prometheus registry, the dashboard and REST beans, deadline watch and purge.
 */
public final class OpsWiring {

    private final Services services;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConnectorTracker tracker;
    private final AccessToken token;
    private final List<ConnectorHealthCheck> checks = new ArrayList<>();
    private DsrMetrics metrics;

    public OpsWiring(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
        this.tracker = new ConnectorTracker(clock, registry);
        java.util.Map<String, java.time.Instant> lastSuccesses = new java.util.HashMap<>();
        services.events.lastAnswers().forEach((connector, at) -> lastSuccesses.put(connector, at.toInstant()));
        tracker.restore(lastSuccesses);
        this.token = AccessToken.fromDataDir(services.dataDir);
        int downAfter = services.config.getInt("dsr.health.down-after-failures", 3);
        for (Connector c : services.catalog.enabled()) {
            checks.add(new ConnectorHealthCheck(c.name(), tracker, downAfter));
        }
    }

    /** The channel's engine, with every attempt counted for health and latency. */
    public ConnectorEngine track(ConnectorEngine engine) {
        return new TrackingEngine(engine, tracker);
    }

    /** The settle form's files, inside the data dir: they are a processor's export of a person. */
    private java.nio.file.Path uploads() {
        return services.workDir().resolve(".uploads");
    }

    /**
     * One HTTP server: the management endpoints (/observe/...) share the dashboard's port unless set apart.
     * The server writes uploaded files inside the data dir (not the system's temp folder: they hold personal
     * data) and deletes them when the request ends.
     */
    public Properties defaults(Properties resolved) {
        if (!resolved.containsKey("camel.server.fileUploadDirectory") && !resolved.containsKey("camel.server.file-upload-directory")) {
            resolved.setProperty("camel.server.fileUploadDirectory", uploads().resolve("incoming").toAbsolutePath().toString());
        }
        if (!resolved.containsKey("camel.management.port") && resolved.containsKey("camel.server.port")) {
            resolved.setProperty("camel.management.port", resolved.getProperty("camel.server.port"));
        }
        if (!resolved.containsKey("camel.management.host") && resolved.containsKey("camel.server.host")) {
            resolved.setProperty("camel.management.host", resolved.getProperty("camel.server.host"));
        }
        return resolved;
    }

    public void bind(Main main, nl.dsrhub.plan.Planner planner) {
        Services s = services;
        int warnDays = s.config.getInt("dsr.deadline.warn-days", 5);
        OfficerNotices notices = new OfficerNotices(s.jdbc, clock);
        DeadlineWatch watch = new DeadlineWatch(s.requests, s.tasks, notices, clock, warnDays);
        Settlement settlement = new Settlement(s.catalog, s.requests, s.tasks, s.events, s.jdbc, s.workDir(), clock);
        Operations operations = new Operations(s.tasks, s.events, settlement,
                new DeadlineExtension(s.requests, s.events, s.jdbc, s.outbox(), clock));
        metrics = new DsrMetrics(s.jdbc, clock); // held here: micrometer keeps only weak references to it
        metrics.bindTo(registry, s.catalog.enabled().stream().map(Connector::name).toList());
        // camel-micrometer-prometheus serves this registry at /observe/metrics
        main.bind("metricsRegistry", registry);
        main.bind("accessToken", token);
        main.bind("officerNotices", notices);
        main.bind("deadlineWatch", watch);
        main.bind("settlement", settlement);
        main.bind("purge", new Purge(s.jdbc, s.events, s.outbox(), s.workDir(), clock, s.config.getInt("dsr.purge.after-days", 30)));
        main.bind("dashboard", new Dashboard(s.requests, s.tasks, s.events, notices, checks, watch, operations, settlement,
                token, clock, uploads()));
        main.bind("restApi", new RestApi(s.requests, s.tasks, s.events, s.intake, operations, watch, clock));
    }

    /** Adds the connector checks to Camel's health registry (beside its route and consumer checks). */
    public void afterConfigure(CamelContext context) {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        for (ConnectorHealthCheck c : checks) {
            c.setCamelContext(context);
            if (health != null) {
                health.register(c);
            }
        }
    }

    public String token() {
        return token.value();
    }

    /** Where the dashboard answers, from the effective configuration. */
    public String dashboardUrl() {
        return "http://" + services.config.get("camel.server.host", "127.0.0.1") + ":"
                + services.config.get("camel.server.port", "8080") + "/";
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
