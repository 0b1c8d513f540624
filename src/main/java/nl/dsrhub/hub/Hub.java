package nl.dsrhub.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.plan.Planner;
import nl.dsrhub.plan.Recovery;
import nl.dsrhub.plan.TaskRunner;
import nl.dsrhub.result.ResultService;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The running hub: {@link Services} plus Camel Main with the YAML routes of {@code routes/}, and one
 * task route per enabled connector made from the {@code task-runner} template.
 */
public final class Hub implements AutoCloseable {

    private final Services services;
    private final Main main;
    private volatile ProducerTemplate producer;
    private nl.dsrhub.hub.OpsWiring ops;
    private HttpEngine http;

    private Hub(Services services, Main main) {
        this.services = services;
        this.main = main;
    }

    public static Hub start(HubConfig config) {
        return start(config, Clock.systemDefaultZone());
    }

    /**
     * Starts the hub; {@link HubCannotStart} before anything opens when another hub runs on the data dir or the HTTP
     * port is taken.
     */
    public static Hub start(HubConfig config, Clock clock) {
        StartChecks.before(config);
        Services services;
        try {
            services = Services.open(config, clock, true);
        } catch (nl.dsrhub.store.Database.DatabaseInUse e) {
            throw StartChecks.anotherHub(e, config.dataDir());
        }
        try {
            Main main = new Main();
            Hub hub = new Hub(services, main);
            hub.wire(clock);
            main.start();
            // the command line talks to this hub's API from now on: the database is the hub's alone
            nl.dsrhub.ops.RunningHub.announce(services.dataDir, hub.ops.apiUrl().orElse(null));
            return hub;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        } catch (Exception e) {
            services.close();
            throw new IllegalStateException("the hub did not start: " + e.getMessage(), e);
        }
    }

    private void wire(Clock clock) {
        Services s = services;
        // how much of an answer is read, and for how long: checked for every enabled connector now, so that a
        // bad setting stops the start with its name rather than failing tasks later
        java.util.function.Function<String, nl.dsrhub.connector.AnswerLimits> limits = nl.dsrhub.connector.AnswerLimits
                .resolver(new nl.dsrhub.connector.SettingsSource(s.config::find, s.config.environment()), s.config::optional);
        s.catalog.enabled().forEach(c -> limits.apply(c.name()));
        http = new HttpEngine(main::getCamelContext, s.journal, clock, limits);
        ops = new nl.dsrhub.hub.OpsWiring(s, clock);
        nl.dsrhub.plan.RetryPolicy retry = new nl.dsrhub.plan.RetryPolicy(
                Duration.ofSeconds(s.config.getInt("dsr.retry.base-seconds")),
                s.config.getInt("dsr.retry.max-attempts"),
                Duration.ofHours(s.config.getInt("dsr.retry.stop-hours-before-deadline")));
        // mail: the engine of mail-channel connectors and the beans of the mail routes
        nl.dsrhub.hub.MailWiring mail = new nl.dsrhub.hub.MailWiring(s, this::producer,
                (request, connector) -> s.workDir().resolve(request).resolve(connector), clock);
        TaskRunner runner = new TaskRunner(s.catalog, s.requests, s.tasks,
                Map.of(Channel.HTTP, ops.track(http), Channel.MAIL, ops.track(mail.engine)),
                s.workDir(), clock, retry);
        // one circuit breaker per connector; the registry is bound for health checks
        nl.dsrhub.connector.ConnectorBreakers breakers = breakers(s, clock);
        runner.withBreakers(breakers);
        main.bind("circuitBreakers", breakers.registry());
        Planner planner = new Planner(s.catalog, s.requests, s.tasks, s.events, s.jdbc);
        ResultService results = new ResultService(s.requests, s.tasks, s.events, s.catalog, s.journal,
                nl.dsrhub.result.ResultWriters.installed(), s.outbox(), runner::dataDir, clock).beforeWrite(mail::intendDelivery);

        // one property mechanism: HubConfig layers the defaults, --config, --set and the environment once, and Camel's
        // placeholders and camel.* options read that result; Camel reads no application.properties of its own
        main.setDefaultPropertyPlaceholderLocation("false");
        java.util.Properties settings = ops.defaults(s.config.resolved());
        settings.putAll(mail.properties());
        main.setOverrideProperties(settings);
        mail.bind(main);
        main.bind("intake", s.intake);
        // confirm or discard held (unauthenticated mailed) requests, for routes as for Java callers
        main.bind("requestConfirmations", s.confirmations);
        main.bind("planner", planner);
        main.bind("taskRunner", runner);
        main.bind("results", results);
        // art. 12(3): the answer so far for a request that cannot be complete by its deadline (interim-answers.yaml)
        main.bind("interimAnswers", new nl.dsrhub.ops.InterimAnswers(s.requests, s.tasks, s.events, results, mail.delivery(),
                new nl.dsrhub.ops.OfficerNotices(s.jdbc, clock), clock, s.config.getInt("dsr.interim.days-before-deadline")));
        main.bind("recovery", new Recovery(planner, s.requests, s.tasks));
        // the retention calendar: retained records erased when their retention ends
        main.bind("retentionCalendar", new nl.dsrhub.retention.EndOfRetention(
                new nl.dsrhub.store.RetentionCalendar(s.jdbc, clock), s.catalog, http, s.events, s.jdbc, clock,
                s.config.getInt("dsr.retention.max-attempts")));
        ops.bind(main, planner);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                HttpEngine.prepare(m.getCamelContext());
                addTaskRoutes(m.getCamelContext());
                ops.afterConfigure(m.getCamelContext());
            }
        });
    }

    /** A circuit breaker for each enabled connector, set as dsr.breaker.* says, its state kept in the database. */
    private static nl.dsrhub.connector.ConnectorBreakers breakers(Services s, Clock clock) {
        nl.dsrhub.connector.ConnectorBreakers breakers = new nl.dsrhub.connector.ConnectorBreakers(
                new nl.dsrhub.connector.ConnectorBreakers.Settings(s.config.getInt("dsr.breaker.window"),
                        s.config.getInt("dsr.breaker.minimum-calls"),
                        s.config.getInt("dsr.breaker.failure-rate-percent"),
                        Duration.ofSeconds(s.config.getInt("dsr.breaker.open-seconds"))),
                new nl.dsrhub.store.BreakerStates(s.jdbc), clock);
        s.catalog.enabled().forEach(c -> breakers.of(c.name()));
        return breakers;
    }

    /**
     * One queue and route per enabled connector, at the connector's own concurrency limit; and per HTTP connector
     * the route its calls travel through ({@code direct:call-<connector>}, from the {@code processor-call} template).
     */
    private void addTaskRoutes(CamelContext context) {
        for (Connector c : services.catalog.enabled()) {
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

    /** Camel's producer, to send to the hub's routes (e.g. {@code direct:mail-officer}) from outside them. */
    public ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = main.getCamelContext().createProducerTemplate();
                }
            }
        }
        return producer;
    }

    /** Dashboard URL, token and metrics registry. */
    public nl.dsrhub.hub.OpsWiring ops() {
        return ops;
    }

    public Services services() {
        return services;
    }

    /** The running Camel context (its registry holds {@code circuitBreakers} and the other beans). */
    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        try {
            nl.dsrhub.ops.RunningHub.withdraw(services.dataDir);
            main.stop();
        } finally {
            services.close();
        }
    }
}
