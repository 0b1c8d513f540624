package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static nl.dsrhub.demo.DemoPaymentsAndParcels.MOLLIE_API_KEY;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH of a Mollie customer and payment, each seen through a later GET over real HTTP. */
class MollieUpdatesTest {

    static final String OPEN_PAYMENT = "tr_OpenDemo001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAN_CUSTOMER = "/customers/" + JAN.mollieCustomerId();
    private MollieSimulator sim;

    /** A payment of Jan's that is not finalized yet. */
    static MollieSimulator.Payment openPayment() {
        return new MollieSimulator.Payment(OPEN_PAYMENT, JAN.mollieCustomerId(), "EUR", "24.95", "Bestelling 2001",
                "ideal", "open", Instant.parse("2026-01-05T10:00:00Z"), Map.of("order_id", "2001"), null, null);
    }

    @BeforeEach
    void start() {
        sim = new MollieSimulator(MOLLIE_API_KEY).start();
        DemoPaymentsAndParcels.seed(sim);
        sim.addPayment(openPayment());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> send(String method, String path, String json, String idempotencyKey) {
        return MollieHttp.send(method, sim.baseUrl() + path, MOLLIE_API_KEY, idempotencyKey, json);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void patchChangesTheCustomersNameAndEmailAndKeepsTheRest() {
        HttpResponse<String> r = send("PATCH", JAN_CUSTOMER,
                "{\"name\": \"Johannes Jansen\", \"email\": \"jan.jansen@example.com\"}", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestHttp.contentType(r)).startsWith("application/hal+json");
        JsonNode after = json(send("GET", JAN_CUSTOMER, null, null));
        assertThat(after.path("name").asText()).isEqualTo("Johannes Jansen");
        assertThat(after.path("email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("locale").asText()).isEqualTo("nl_NL");
        assertThat(after.path("id").asText()).isEqualTo(JAN.mollieCustomerId());
    }

    @Test
    void anInvalidEmailOrAnUnknownCustomerChangesNothing() {
        HttpResponse<String> bad = send("PATCH", JAN_CUSTOMER, "{\"email\": \"geen adres\"}", null);

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).path("field").asText()).isEqualTo("email");
        assertThat(json(send("GET", JAN_CUSTOMER, null, null)).path("email").asText()).isEqualTo(JAN.email());
        assertThat(send("PATCH", "/customers/cst_doesNotExist", "{\"name\": \"X\"}", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        HttpResponse<String> first = send("PATCH", JAN_CUSTOMER, "{\"name\": \"Johannes Jansen\"}", "rect-jan-1");
        HttpResponse<String> again = send("PATCH", JAN_CUSTOMER, "{\"name\": \"Jan Jansen\"}", "rect-jan-1");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(json(send("GET", JAN_CUSTOMER, null, null)).path("name").asText()).isEqualTo("Johannes Jansen");
        assertThat(sim.idempotencyKeysSeen()).containsEntry("rect-jan-1", 2);
    }

    @Test
    void aFinalizedPaymentIsNotUpdated() {
        String paid = "/payments/" + JAN.molliePaymentIds().get(0);

        HttpResponse<String> r = send("PATCH", paid, "{\"billingEmail\": \"jan.jansen@example.com\"}", null);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("detail").asText()).contains("finalized");
        assertThat(json(r).path("field").asText()).isEqualTo("billingEmail");
        assertThat(json(send("GET", paid, null, null)).at("/details/billingEmail").isMissingNode()).isTrue();
    }

    @Test
    void anOpenPaymentIsUpdated() {
        HttpResponse<String> r = send("PATCH", "/payments/" + OPEN_PAYMENT, """
                {"billingEmail": "jan.jansen@example.com", "description": "Bestelling 2001 (Jansen)"}""", null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = json(send("GET", "/payments/" + OPEN_PAYMENT, null, null));
        assertThat(after.at("/details/billingEmail").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("description").asText()).isEqualTo("Bestelling 2001 (Jansen)");
        assertThat(after.path("status").asText()).isEqualTo("open");
    }
}
