package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.WOO_CONSUMER_KEY;
import static nl.dsrhub.demo.DemoPeople.WOO_CONSUMER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** Updating a WooCommerce customer, each change seen through a later GET over real HTTP. */
class WooCommerceCustomerChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAN_CUSTOMER = "/customers/" + JAN.wooCustomerId();
    private WooCommerceSimulator woo;
    private String auth;

    @BeforeEach
    void start() {
        woo = new WooCommerceSimulator(WOO_CONSUMER_KEY, WOO_CONSUMER_SECRET).start();
        DemoPeople.seed(woo);
        auth = TestHttp.basic(WOO_CONSUMER_KEY, WOO_CONSUMER_SECRET);
    }

    @AfterEach
    void stop() {
        woo.stop();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return TestHttp.sendJson(method, woo.baseUrl() + path, auth, body);
    }

    private JsonNode get(String path) {
        return json(TestHttp.send("GET", woo.baseUrl() + path, auth));
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void putChangesEmailAndNamesAndMergesTheAddresses() {
        HttpResponse<String> r = send("PUT", JAN_CUSTOMER, """
                {"email": "jan.jansen@example.com", "last_name": "Jansen-de Boer",
                 "billing": {"address_1": "Nieuwe Gracht 3", "postcode": "3512 AB", "city": "Utrecht",
                             "email": "jan.jansen@example.com"},
                 "shipping": {"address_1": "Nieuwe Gracht 3", "postcode": "3512 AB", "city": "Utrecht"}}""");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("email").asText()).isEqualTo("jan.jansen@example.com");
        JsonNode after = get(JAN_CUSTOMER);
        assertThat(after.path("email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("first_name").asText()).isEqualTo("Jan");
        assertThat(after.path("last_name").asText()).isEqualTo("Jansen-de Boer");
        assertThat(after.at("/billing/city").asText()).isEqualTo("Utrecht");
        assertThat(after.at("/billing/first_name").asText()).as("a part not sent stays").isEqualTo("Jan");
        assertThat(after.at("/shipping/postcode").asText()).isEqualTo("3512 AB");
        assertThat(get("/customers?email=jan.jansen%40example.com")).hasSize(1);
    }

    @Test
    void theCustomersOrdersKeepTheirOwnCopy() {
        send("PATCH", JAN_CUSTOMER, "{\"billing\": {\"city\": \"Utrecht\"}}");

        for (long order : JAN.wooOrderIds()) {
            assertThat(get("/orders/" + order).at("/billing/city").asText()).isEqualTo("Amsterdam");
        }
    }

    @Test
    void aMetaEntryIsUpdatedByKeyAndAnEmptyValueKeepsTheKey() {
        send("POST", JAN_CUSTOMER, """
                {"meta_data": [{"key": "dsr_restriction", "value": "{\\"since\\":\\"2026-01-05\\"}"}]}""");
        send("POST", JAN_CUSTOMER, "{\"meta_data\": [{\"key\": \"dsr_restriction\", \"value\": \"\"}]}");

        JsonNode meta = get(JAN_CUSTOMER).path("meta_data");
        List<JsonNode> restriction = meta.findParents("key").stream()
                .filter(m -> m.path("key").asText().equals("dsr_restriction")).toList();
        assertThat(restriction).hasSize(1);
        assertThat(restriction.get(0).path("value").asText()).isEmpty();
        assertThat(meta.findValuesAsText("key")).contains("_mollie_customer_id");
    }

    @Test
    void anAddressAnotherCustomerHasIsRefused() {
        HttpResponse<String> r = send("PUT", JAN_CUSTOMER, "{\"email\": \"" + ANNA.email() + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_customer_invalid_email");
        assertThat(get(JAN_CUSTOMER).path("email").asText()).isEqualTo(JAN.email());
    }

    @Test
    void theUsernameCannotBeChanged() {
        HttpResponse<String> r = send("PUT", JAN_CUSTOMER, "{\"username\": \"johannes\", \"first_name\": \"Johannes\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_customer_invalid_argument");
        assertThat(get(JAN_CUSTOMER).path("first_name").asText()).isEqualTo("Jan");
        assertThat(send("PUT", JAN_CUSTOMER, "{\"username\": \"" + JAN.username() + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidAddressOrAnUnknownCustomerIsRefused() {
        assertThat(send("PUT", JAN_CUSTOMER, "{\"email\": \"geen adres\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = send("PUT", "/customers/424242", "{\"first_name\": \"X\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("code").asText()).isEqualTo("woocommerce_rest_invalid_id");
        assertThat(woo.customerExists(424242)).isFalse();
    }

    @Test
    void theChangeIsRecordedWithItsBody() {
        send("PUT", JAN_CUSTOMER, "{\"first_name\": \"Johannes\"}");

        assertThat(woo.callsMatching("PUT", "/wp-json/wc/v3/customers/42")).singleElement()
                .satisfies(c -> assertThat(c.requestBody()).contains("Johannes"));
    }
}
