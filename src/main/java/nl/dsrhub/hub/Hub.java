package nl.dsrhub.hub;

import java.time.Clock;
import java.util.List;
import nl.dsrhub.config.HubConfig;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The running hub: {@link Services} plus Camel Main with the YAML routes of {@code routes/}, the beans made in the
 * configuration classes of this package ({@link StoreBeans} first), and one task route per enabled connector made
 * from the {@code task-runner} template ({@link AfterConfigure}).
 */
public final class Hub implements AutoCloseable {

    /**
     * The configuration classes after {@link StoreBeans}, in the order Camel binds their beans: each takes beans of
     * those before it (or, within one class, of its methods that take none of that class's beans).
     */
    static final List<Class<? extends CamelConfiguration>> BEANS_AFTER_STORES = List.of(WebBeans.class, MailBeans.class,
            MailRouteBeans.class, ConnectorBeans.class, RequestBeans.class, OpsBeans.class);

    private final Services services;
    private final Main main;
    private volatile ProducerTemplate producer;

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
            hub.wire();
            main.start();
            try {
                StartChecks.serving(config);
            } catch (HubCannotStart e) {
                main.stop(); // the services are closed below, as for every start that fails
                throw e;
            }
            // the command line talks to this hub's API from now on: the database is the hub's alone
            nl.dsrhub.ops.RunningHub.announce(services.dataDir, hub.ops().apiUrl().orElse(null));
            return hub;
        } catch (RuntimeException e) {
            services.close();
            throw badSetting(e);
        } catch (Exception e) {
            services.close();
            throw new IllegalStateException("the hub did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The beans are made in Camel configuration classes, each taking the beans of those before it as parameters and
     * its settings as {@code @PropertyInject}; Camel reads HubConfig's one layering as its properties (and no
     * application.properties of its own).
     */
    private void wire() {
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(HubProperties.of(services));
        // camel-micrometer-prometheus serves this registry at /observe/metrics; Camel sets up its metrics before it
        // reads the configuration classes, so the registry is bound first
        main.bind("metricsRegistry", new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        main.configure().addConfiguration(new StoreBeans(services));
        for (Class<? extends CamelConfiguration> beans : BEANS_AFTER_STORES) {
            try {
                main.configure().addConfiguration(beans.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the configuration class " + beans.getSimpleName(), e);
            }
        }
        main.addMainListener(new AfterConfigure());
    }

    /**
     * A setting a configuration class refuses stops the start with that class's own message (Camel wraps what a
     * {@code @BindToRegistry} method throws).
     */
    private static RuntimeException badSetting(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.lang.reflect.InvocationTargetException thrown
                    && thrown.getCause() instanceof IllegalArgumentException bad) {
                return bad;
            }
        }
        return e;
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

    /** Where the dashboard and the API answer, and the officer's token. */
    public HubAddress ops() {
        return new HubAddress(main.getCamelContext().getRegistry().findSingleByType(nl.dsrhub.web.AccessToken.class),
                services.config);
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
