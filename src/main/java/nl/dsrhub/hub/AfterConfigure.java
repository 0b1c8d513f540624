package nl.dsrhub.hub;

import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.ops.ConnectorHealthCheck;
import nl.dsrhub.web.WebGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * What is added once the configuration classes have bound their beans and the YAML routes are loaded: the routes
 * made per connector from templates, the connector health checks, and the gate in front of the HTTP server.
 */
final class AfterConfigure extends MainListenerSupport {

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        HttpEngine.prepare(context);
        addTaskRoutes(context);
        HubConfig config = bean(context, HubConfig.class);
        guardServer(context, config);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        for (ConnectorHealthCheck c : bean(context, ConnectorHealthChecks.class).all()) {
            c.setCamelContext(context);
            if (health != null) {
                health.register(c);
            }
        }
    }

    private static <T> T bean(CamelContext context, Class<T> type) {
        return context.getRegistry().findSingleByType(type);
    }

    /**
     * One queue and route per enabled connector, at the connector's own concurrency limit; and per HTTP connector
     * the route its calls travel through ({@code direct:call-<connector>}, from the {@code processor-call} template).
     */
    private static void addTaskRoutes(CamelContext context) {
        HttpEngine http = bean(context, HttpEngine.class);
        for (Connector c : bean(context, ConnectorCatalog.class).enabled()) {
            if (c.channel() == Channel.HTTP) {
                http.addCallRoute(c);
            }
            try {
                context.addRouteFromTemplate("task-" + c.name(), "task-runner", Map.of(
                        "connector", c.name(),
                        "concurrency", String.valueOf(c.definition().limits().concurrencyOrDefault())));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the task route of connector " + c.name(), e);
            }
        }
    }

    /**
     * Puts the gate in front of the HTTP server's routes while the context starts: after the server is up, before
     * any route's consumer joins it. A hub whose server is on never serves a route without it.
     */
    private static void guardServer(CamelContext context, HubConfig config) {
        if (!config.getBoolean("camel.server.enabled")) {
            return;
        }
        WebGuard guard = bean(context, WebGuard.class);
        int port = config.getInt("camel.server.port");
        try {
            context.addStartupListener(gateInstaller(guard, port));
        } catch (Exception e) {
            throw new IllegalStateException("cannot guard the HTTP server", e);
        }
    }

    /**
     * Runs last among the starting listeners (Camel starts the HTTP server in its own listener of the same, lowest
     * order, registered before this one), and before the routes' consumers start.
     */
    private static StartupListener gateInstaller(WebGuard guard, int port) {
        interface OrderedListener extends StartupListener, Ordered { }
        return new OrderedListener() {
            @Override
            public int getOrder() {
                return Ordered.LOWEST;
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
}
