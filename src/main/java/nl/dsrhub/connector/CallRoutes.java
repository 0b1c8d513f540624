package nl.dsrhub.connector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * The routes processor calls travel through: one per HTTP connector, {@code direct:call-<connector>} (route id
 * {@code call-<connector>}), made from the {@code processor-call} template of routes/processor-call.yaml, so that
 * Camel's route metrics, message history and tracing see every call. The hub makes them at start-up beside the
 * task routes; a context without them (a check, the engine's tests) gets each at its first call.
 */
final class CallRoutes {

    static final String TEMPLATE = "processor-call";
    private static final String TEMPLATE_FILE = "classpath:routes/processor-call.yaml";

    private final Supplier<CamelContext> camel;
    /** route id -> the endpoint it was made with */
    private final Map<String, String> made = new ConcurrentHashMap<>();
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
            try {
                if (context.getRoute(id) != null) {
                    context.getRouteController().stopRoute(id);
                    context.removeRoute(id);
                }
                context.addRouteFromTemplate(id, TEMPLATE, Map.of("connector", connector, "endpoint", endpoint));
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the call route of connector " + connector, e);
            }
            made.put(id, endpoint);
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
