package nl.dsrhub.connector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.PluginHelper;

/**
 * The routes processor calls travel through: one per HTTP connector, {@code direct:call-<connector>} (route id
 * {@code call-<connector>}), made from the {@code processor-call} template of routes/processor-call.yaml, so that
 * Camel's route metrics, message history and tracing see every call. The hub makes them at start-up beside the
 * task routes; a context without them (a check, the engine's tests) gets each at its first call.
 *
 * <p>A route's endpoint holds camel-http's Basic options, credentials included. Camel logs a template's parameters
 * and every property it resolves as they are, at INFO, unless the property's name ends in a word it knows for a
 * secret: so the endpoint is a property of the hub's own source ({@code dsr-call-endpoints}), named in the parameter
 * as a placeholder, and each credential in it a placeholder of a property of its own ending in {@code .secret}.
 * Camel masks the options wherever it shows the endpoint itself.
 */
final class CallRoutes {

    static final String TEMPLATE = "processor-call";
    private static final String TEMPLATE_FILE = "classpath:routes/processor-call.yaml";

    private final Supplier<CamelContext> camel;
    /** route id -> the endpoint it was made with */
    private final Map<String, String> made = new ConcurrentHashMap<>();
    /** property name -> endpoint, the property source the routes' endpoints are resolved from */
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();
    private CamelContext withSource;
    private volatile ProducerTemplate template;

    CallRoutes(Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    static String routeId(String connector) {
        return "call-" + connector;
    }

    /** Loads the template into a context that did not load routes/ itself (a check, the engine's tests). */
    static void loadTemplate(CamelContext context) {
        if (((ModelCamelContext) context).getRouteTemplateDefinition(TEMPLATE) != null) {
            return;
        }
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getResourceLoader(context).resolveResource(TEMPLATE_FILE));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the processor-call route template (" + TEMPLATE_FILE + ")", e);
        }
    }

    /**
     * Sends a call through the connector's route, made first if there is none yet, or made again if it was made
     * with another endpoint (another connector file of the same name: the engine's tests).
     *
     * @param fill sets the exchange's headers, body and properties
     * @return the exchange as the route left it, an exception on it if the call failed
     */
    Exchange send(String connector, String endpoint, Consumer<Exchange> fill) {
        ensure(connector, endpoint);
        return template().send("direct:" + routeId(connector), fill::accept);
    }

    /** Makes the connector's route if it has none with this endpoint. */
    void ensure(String connector, String endpoint) {
        String id = routeId(connector);
        if (endpoint.equals(made.get(id))) {
            return;
        }
        synchronized (this) {
            if (endpoint.equals(made.get(id))) {
                return;
            }
            CamelContext context = camel.get();
            if (withSource != context) {
                context.getPropertiesComponent().addPropertiesSource(new EndpointSource());
                withSource = context;
            }
            String property = "dsr.call-endpoint." + connector;
            endpoints.put(property, withSecretsApart(connector, endpoint, endpoints));
            try {
                if (context.getRoute(id) != null) {
                    context.getRouteController().stopRoute(id);
                    context.removeRoute(id);
                }
                context.addRouteFromTemplate(id, TEMPLATE, Map.of("connector", connector, "endpoint",
                        "{{" + property + "}}"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the call route of connector " + connector, e);
            }
            made.put(id, endpoint);
        }
    }

    /** The endpoint with each credential option's value (RAW(...) included) a placeholder of its own {@code .secret}. */
    static String withSecretsApart(String connector, String endpoint, Map<String, String> secrets) {
        int q = endpoint.indexOf('?');
        if (q < 0) {
            return endpoint;
        }
        StringBuilder routed = new StringBuilder(endpoint.substring(0, q + 1));
        String sep = "";
        for (String option : options(endpoint, q + 1)) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            if (eq > 0 && CREDENTIAL.matcher(name).find()) {
                String secret = "dsr.call." + connector + "." + name + ".secret";
                secrets.put(secret, option.substring(eq + 1));
                option = name + "={{" + secret + "}}";
            }
            routed.append(sep).append(option);
            sep = "&";
        }
        return routed.toString();
    }

    /** The endpoint's options from {@code start}: a RAW(...) or RAW{...} value taken whole, whatever it holds. */
    private static java.util.List<String> options(String endpoint, int start) {
        java.util.List<String> options = new java.util.ArrayList<>();
        int i = start;
        while (i < endpoint.length()) {
            int eq = endpoint.indexOf('=', i);
            int end;
            if (eq > 0 && (endpoint.startsWith("RAW(", eq + 1) || endpoint.startsWith("RAW{", eq + 1))) {
                end = endpoint.indexOf(endpoint.charAt(eq + 4) == '(' ? ')' : '}', eq + 5) + 1;
            } else {
                end = endpoint.indexOf('&', i);
            }
            end = end <= 0 ? endpoint.length() : end;
            options.add(endpoint.substring(i, end));
            i = end + 1;
        }
        return options;
    }

    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile(
            "(?i)username|password|token|secret|key");

    /** The routes' endpoints, for Camel's placeholders: never listed, never logged. */
    private final class EndpointSource implements PropertiesSource {
        @Override
        public String getName() {
            return "dsr-call-endpoints";
        }

        @Override
        public String getProperty(String name) {
            return endpoints.get(name);
        }
    }

    private ProducerTemplate template() {
        if (template == null) {
            synchronized (this) {
                if (template == null) {
                    template = camel.get().createProducerTemplate();
                }
            }
        }
        return template;
    }
}
