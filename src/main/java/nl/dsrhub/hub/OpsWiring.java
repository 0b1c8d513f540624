package nl.dsrhub.hub;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorEngine;
import nl.dsrhub.ops.ConnectorHealthCheck;
import nl.dsrhub.ops.ConnectorTracker;
import nl.dsrhub.ops.Dashboard;
import nl.dsrhub.ops.DeadlineWatch;
import nl.dsrhub.ops.DsrMetrics;
import nl.dsrhub.ops.InactiveRequests;
import nl.dsrhub.ops.OfficerNotices;
import nl.dsrhub.ops.Operations;
import nl.dsrhub.ops.Purge;
import nl.dsrhub.ops.RestApi;
import nl.dsrhub.ops.TrackingEngine;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.web.AccessToken;
import nl.dsrhub.web.OfficerSession;
import nl.dsrhub.web.Sessions;
import nl.dsrhub.web.WebGuard;
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
    private final OfficerSession officerSession;
    private final WebGuard guard;
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
        Sessions sessions = new Sessions(clock, java.time.Duration.ofMinutes(services.config.getInt("dsr.web.session-idle-minutes")),
                java.time.Duration.ofHours(services.config.getInt("dsr.web.session-hours")));
        String publicOrigin = services.config.get("dsr.web.origin");
        this.officerSession = new OfficerSession(sessions, token, publicOrigin);
        this.guard = new WebGuard(token, sessions, services.config.getLong("dsr.intake.max-bytes"),
                uploadBytes(), publicOrigin);
        int downAfter = services.config.getInt("dsr.health.down-after-failures");
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
            java.nio.file.Path incoming = uploads().resolve("incoming").toAbsolutePath();
            try {
                // made owner-only before the server writes into it (it would make it world-readable)
                nl.dsrhub.files.PrivateFiles.folder(incoming);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the upload folder " + incoming, e);
            }
            resolved.setProperty("camel.server.fileUploadDirectory", incoming.toString());
        }
        // the server's own bound on any body: the largest the gate lets through (it bounds each route before reading)
        resolved.setProperty("camel.server.max-body-size", String.valueOf(Math.max(uploadBytes(),
                services.config.getLong("dsr.intake.max-bytes"))));
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
        int warnDays = s.config.getInt("dsr.deadline.warn-days");
        OfficerNotices notices = new OfficerNotices(s.jdbc, clock);
        DeadlineWatch watch = new DeadlineWatch(s.requests, s.tasks, notices, clock, warnDays);
        Operations operations = s.operations(clock);
        Settlement settlement = operations.settlement();
        metrics = new DsrMetrics(s.jdbc, clock); // held here: micrometer keeps only weak references to it
        metrics.bindTo(registry, s.catalog.enabled().stream().map(Connector::name).toList());
        // camel-micrometer-prometheus serves this registry at /observe/metrics
        main.bind("metricsRegistry", registry);
        main.bind("officerSession", officerSession);
        main.bind("officerNotices", notices);
        main.bind("deadlineWatch", watch);
        main.bind("settlement", settlement);
        int purgeDays = s.config.getInt("dsr.purge.after-days");
        Purge purge = new Purge(s.jdbc, s.events, s.outbox(), s.workDir(), s.errorDir(), clock, purgeDays);
        main.bind("purge", purge);
        main.bind("inactiveRequests", new InactiveRequests(s.jdbc, s.requests, s.tasks, s.events, notices, purge, clock, purgeDays,
                s.config.getInt("dsr.purge.inactive-notice-days")));
        main.bind("dashboard", new Dashboard(s.requests, s.tasks, s.events, notices, checks, watch, operations, settlement,
                officerSession, clock, uploads(), s.confirmations));
        main.bind("restApi", new RestApi(s.requests, s.tasks, s.events, s.intake, operations, watch, clock,
                s.statusReport(clock), s.ledger, uploads(), s.confirmations));
    }

    /** The largest settle form or API settlement with the processor's files. */
    private long uploadBytes() {
        return services.config.getLong("dsr.web.max-upload-bytes");
    }

    /**
     * Puts the gate in front of the HTTP server's routes while the context starts: after the server is up, before
     * any route's consumer joins it. A hub whose server is on never serves a route without it.
     */
    private void guardServer(CamelContext context) {
        if (!services.config.getBoolean("camel.server.enabled")) {
            return;
        }
        int port = services.config.getInt("camel.server.port");
        try {
            context.addStartupListener(gateInstaller(port));
        } catch (Exception e) {
            throw new IllegalStateException("cannot guard the HTTP server", e);
        }
    }

    /**
     * Runs last among the starting listeners (Camel starts the HTTP server in its own listener of the same, lowest
     * order, registered before this one), and before the routes' consumers start.
     */
    private org.apache.camel.StartupListener gateInstaller(int port) {
        interface OrderedListener extends org.apache.camel.StartupListener, org.apache.camel.Ordered { }
        return new OrderedListener() {
            @Override
            public int getOrder() {
                return org.apache.camel.Ordered.LOWEST;
            }

            @Override
            public void onCamelContextStarting(CamelContext started, boolean alreadyStarted) {
                guard.install(started, port);
            }

            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // installed while starting
            }
        };
    }

    /** Adds the connector checks to Camel's health registry (beside its route and consumer checks), and the gate. */
    public void afterConfigure(CamelContext context) {
        guardServer(context);
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
        return "http://" + services.config.get("camel.server.host") + ":"
                + services.config.get("camel.server.port") + "/";
    }

    /**
     * Where this hub's API answers for a command on the same machine, or empty when the HTTP server is off. A server
     * on every interface (0.0.0.0) is reached on loopback.
     */
    public java.util.Optional<java.net.URI> apiUrl() {
        if (!services.config.getBoolean("camel.server.enabled")) {
            return java.util.Optional.empty();
        }
        String host = services.config.get("camel.server.host");
        host = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return java.util.Optional.of(java.net.URI.create("http://" + host + ":" + services.config.get("camel.server.port") + "/"));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
