package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.testing.CapturedLog;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-connector call routes ({@code direct:call-<connector>}, routes/processor-call.yaml): every call to a
 * processor is an exchange of its connector's route, counted in the route metrics at /observe/metrics; and no
 * credential shows in what Camel can log of them (its tracer, message history, its endpoints as it names them).
 */
class ProcessorCallsSeenByCamelTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCallOfARequestIsAnExchangeOfItsConnectorsCallRoute() throws Exception {
        try (HubFixture fixture = HubFixture.start(dataDir)) {
            fixture.drop("calls.json", Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "CALLS-1"));
            fixture.awaitCompleted(fixture.awaitRequest("CALLS-1"));

            Map<String, SimulatorServer> processors = Map.of("woocommerce", fixture.simulators.woo,
                    "mailchimp", fixture.simulators.mailchimp, "mollie", fixture.simulators.mollie,
                    "eboekhouden", fixture.simulators.eboekhouden);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = get(fixture, "observe/metrics");
                processors.forEach((connector, simulator) -> assertThat(exchanges(metrics, "call-" + connector))
                        .as("exchanges of route call-%s", connector)
                        .isEqualTo(simulator.calls().size()).isPositive());
            });
        }
    }

    @Test
    void noCredentialShowsInTracesMessageHistoryOrEndpointNames() throws Exception {
        // Camel's tracer writes at INFO; the shipped logging keeps Camel at WARN
        ch.qos.logback.classic.Logger tracing = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.camel");
        ch.qos.logback.classic.Level before = tracing.getLevel();
        tracing.setLevel(ch.qos.logback.classic.Level.INFO);
        try (CapturedLog log = new CapturedLog();
             HubFixture fixture = HubFixture.start(dataDir, Map.of("camel.main.tracing", "true",
                     "camel.main.message-history", "true"))) {
            fixture.drop("traced.json", Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "TRACED-1"));
            fixture.awaitCompleted(fixture.awaitRequest("TRACED-1"));

            CamelContext camel = fixture.hub().camelContext();
            List<String> shown = new ArrayList<>(log.infoAndAbove());
            for (String connector : List.of("woocommerce", "mailchimp", "mollie", "eboekhouden")) {
                RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition("call-" + connector);
                // message history names each step by its label
                for (ProcessorDefinition<?> step : route.getOutputs()) {
                    shown.add(step.getLabel());
                }
            }
            // as Camel names its endpoints (Basic travels in camel-http's options of the call route's endpoint)
            camel.getEndpoints().forEach(e -> shown.add(e.toString()));
            assertThat(shown).as("the tracer logged the calls").anyMatch(l -> l.contains("call-woocommerce"));
            for (String secret : secrets(fixture)) {
                assertThat(shown).noneMatch(l -> l.contains(secret));
            }
        } finally {
            tracing.setLevel(before);
        }
    }

    /** The simulators' credentials, their Basic headers and the session token e-Boekhouden gave. */
    private static List<String> secrets(HubFixture fixture) {
        List<String> secrets = new ArrayList<>();
        fixture.simulators.settings().forEach((key, value) -> {
            if (!key.endsWith("base-url") && !key.endsWith("administration-id")) {
                secrets.add(value);
            }
        });
        secrets.add(basic(DemoPeople.WOO_CONSUMER_KEY + ":" + DemoPeople.WOO_CONSUMER_SECRET));
        secrets.add(basic("dsr-hub:" + DemoPeople.MAILCHIMP_API_KEY));
        fixture.simulators.eboekhouden.calls().stream().map(c -> c.requestHeader("Authorization"))
                .filter(a -> a != null).forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(8);
        return secrets;
    }

    private static String basic(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The route's exchanges as Camel's route policy counts them at /observe/metrics. */
    private static long exchanges(String metrics, String routeId) {
        Matcher m = Pattern.compile("(?m)^camel_exchanges_total\\{[^}]*routeId=\"" + Pattern.quote(routeId)
                + "\"[^}]*} ([0-9.E]+)$").matcher(metrics);
        assertThat(m.find()).as("camel_exchanges_total of route %s in%n%s", routeId, metrics).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static String get(HubFixture fixture, String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
