package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static nl.dsrhub.demo.DemoPaymentsAndParcels.MOLLIE_API_KEY;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the Mollie simulator, one behaviour per test. */
class MollieSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private MollieSimulator sim;
    private String jan;

    @BeforeEach
    void start() {
        sim = new MollieSimulator(MOLLIE_API_KEY).start();
        DemoPaymentsAndParcels.seed(sim);
        jan = sim.baseUrl() + "/customers/" + JAN.mollieCustomerId();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private static HttpResponse<String> get(String url) {
        return MollieHttp.send("GET", url, MOLLIE_API_KEY, null);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void customerIsFound() throws Exception {
        HttpResponse<String> r = get(jan);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestHttp.contentType(r)).startsWith("application/hal+json");
        JsonNode c = json(r);
        assertThat(c.path("resource").asText()).isEqualTo("customer");
        assertThat(c.path("id").asText()).isEqualTo(JAN.mollieCustomerId());
        assertThat(c.path("email").asText()).isEqualTo(JAN.email());
        assertThat(c.path("locale").asText()).isEqualTo("nl_NL");
    }

    @Test
    void unknownCustomerIs404HalJson() throws Exception {
        HttpResponse<String> r = get(sim.baseUrl() + "/customers/cst_unknown000");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestHttp.contentType(r)).startsWith("application/hal+json");
        JsonNode e = json(r);
        assertThat(e.path("status").asInt()).isEqualTo(404);
        assertThat(e.path("title").asText()).isEqualTo("Not Found");
        assertThat(e.path("detail").asText()).isNotEmpty();
        assertThat(e.path("_links").path("documentation").path("href").asText()).startsWith("https://");
    }

    @Test
    void cursorPaginationReachesAllPaymentsThroughNextLinks() throws Exception {
        sim.setPageLimit(2);
        List<String> seen = new ArrayList<>();
        String url = jan + "/payments";
        int pages = 0;
        while (url != null) {
            JsonNode page = json(get(url));
            pages++;
            page.path("_embedded").path("payments").forEach(p -> seen.add(p.path("id").asText()));
            assertThat(page.path("count").asInt()).isEqualTo(page.path("_embedded").path("payments").size());
            JsonNode next = page.path("_links").path("next");
            url = next.isNull() ? null : next.path("href").asText();
            if (url != null) {
                assertThat(url).startsWith(sim.baseUrl()).contains("from=tr_").contains("limit=2");
            }
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(JAN.molliePaymentIds());
    }

    @Test
    void invalidLimitIs400WithField() throws Exception {
        HttpResponse<String> r = get(jan + "/payments?limit=0");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("limit");
    }

    @Test
    void deleteErasesCustomerAndMandatesButPaymentsRemain() {
        assertThat(sim.mandatesOf(JAN.mollieCustomerId())).isNotEmpty();

        assertThat(MollieHttp.send("DELETE", jan, MOLLIE_API_KEY, null).statusCode()).isEqualTo(204);

        assertThat(get(jan).statusCode()).isEqualTo(404);
        assertThat(get(jan + "/mandates").statusCode()).isEqualTo(404);
        assertThat(sim.customerExists(JAN.mollieCustomerId())).isFalse();
        assertThat(sim.mandatesOf(JAN.mollieCustomerId())).isEmpty();
        for (String payment : JAN.molliePaymentIds()) {
            assertThat(sim.paymentExists(payment)).isTrue();
            assertThat(get(sim.baseUrl() + "/payments/" + payment).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void deleteCancelsSubscriptions() {
        String anna = sim.baseUrl() + "/customers/" + DemoPeople.ANNA.mollieCustomerId();
        assertThat(sim.subscriptionStatus(DemoPaymentsAndParcels.ANNA_SUBSCRIPTION_ID)).isEqualTo("active");

        assertThat(MollieHttp.send("DELETE", anna, MOLLIE_API_KEY, null).statusCode()).isEqualTo(204);

        assertThat(sim.subscriptionStatus(DemoPaymentsAndParcels.ANNA_SUBSCRIPTION_ID)).isEqualTo("canceled");
    }

    @Test
    void sameIdempotencyKeyGivesSameAnswerAndIsCounted() {
        HttpResponse<String> first = MollieHttp.send("DELETE", jan, MOLLIE_API_KEY, "k-erase-42");
        HttpResponse<String> again = MollieHttp.send("DELETE", jan, MOLLIE_API_KEY, "k-erase-42");
        HttpResponse<String> otherKey = MollieHttp.send("DELETE", jan, MOLLIE_API_KEY, "k-erase-43");

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(otherKey.statusCode()).isEqualTo(404);
        assertThat(sim.idempotencyKeysSeen()).containsEntry("k-erase-42", 2).containsEntry("k-erase-43", 1);
    }

    @Test
    void wrongKeyIs401() throws Exception {
        HttpResponse<String> r = MollieHttp.send("GET", jan, "test_notTheKey0000000000000000000", null);
        HttpResponse<String> none = MollieHttp.send("GET", jan, null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(r).path("status").asInt()).isEqualTo(401);
        assertThat(TestHttp.contentType(r)).startsWith("application/hal+json");
    }
}
