package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.MAILCHIMP_API_KEY;
import static nl.dsrhub.demo.DemoPeople.MAILCHIMP_STORE;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH and PUT of a Mailchimp e-commerce customer, each seen through a later GET over real HTTP. */
class MailchimpStoreCustomerChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAN_CUSTOMER = "/ecommerce/stores/" + MAILCHIMP_STORE + "/customers/"
            + DemoPeople.mailchimpCustomerId(JAN);
    private MailchimpSimulator sim;
    private String auth;

    @BeforeEach
    void start() {
        sim = new MailchimpSimulator(MAILCHIMP_API_KEY).start();
        DemoPeople.seed(sim);
        auth = TestHttp.basic("dsr-hub", MAILCHIMP_API_KEY);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return body == null ? TestHttp.send(method, sim.baseUrl() + path, auth)
                : TestHttp.sendJson(method, sim.baseUrl() + path, auth, body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void patchChangesNameAndAddressPartByPart() {
        HttpResponse<String> r = send("PATCH", JAN_CUSTOMER, """
                {"last_name": "Jansen-de Boer", "address": {"address1": "Nieuwe Gracht 3", "city": "Utrecht",
                 "postal_code": "3512 AB"}}""");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = json(send("GET", JAN_CUSTOMER, null));
        assertThat(after.path("first_name").asText()).isEqualTo("Jan");
        assertThat(after.path("last_name").asText()).isEqualTo("Jansen-de Boer");
        assertThat(after.at("/address/address1").asText()).isEqualTo("Nieuwe Gracht 3");
        assertThat(after.at("/address/country_code").asText()).isEqualTo("NL");   // a part not sent stays
        assertThat(after.path("email_address").asText()).isEqualTo(JAN.email());
    }

    @Test
    void patchDoesNotChangeTheEmailAddress() {
        HttpResponse<String> r = send("PATCH", JAN_CUSTOMER, "{\"email_address\": \"jan.jansen@example.com\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(send("GET", JAN_CUSTOMER, null)).path("email_address").asText()).isEqualTo(JAN.email());
    }

    @Test
    void putChangesTheEmailAddressAndLeavesTheOrdersTheirCopy() {
        HttpResponse<String> r = send("PUT", JAN_CUSTOMER, "{\"id\": \"" + DemoPeople.mailchimpCustomerId(JAN)
                + "\", \"email_address\": \"jan.jansen@example.com\", \"opt_in_status\": false}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = json(send("GET", JAN_CUSTOMER, null));
        assertThat(after.path("email_address").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("opt_in_status").asBoolean()).isFalse();
        assertThat(after.path("first_name").asText()).isEqualTo("Jan");
        JsonNode order = json(send("GET", "/ecommerce/stores/" + MAILCHIMP_STORE + "/orders?customer_id="
                + DemoPeople.mailchimpCustomerId(JAN), null)).at("/orders/0");
        assertThat(order.at("/customer/email_address").asText()).isEqualTo(JAN.email());
    }

    @Test
    void putCreatesAnAbsentCustomerAndNeedsItsRequiredFields() {
        String path = "/ecommerce/stores/" + MAILCHIMP_STORE + "/customers/c-new-1";

        assertThat(send("PUT", path, "{\"id\": \"c-new-1\", \"email_address\": \"nieuw@example.com\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", path, "{\"id\": \"c-new-1\", \"email_address\": \"nieuw@example.com\","
                + " \"opt_in_status\": true, \"first_name\": \"Nieuw\"}").statusCode()).isEqualTo(200);
        assertThat(json(send("GET", path, null)).path("first_name").asText()).isEqualTo("Nieuw");
        assertThat(sim.storeCustomerExists(MAILCHIMP_STORE, "c-new-1")).isTrue();
    }

    @Test
    void anUnknownCustomerIs404ForPatch() {
        assertThat(send("PATCH", "/ecommerce/stores/" + MAILCHIMP_STORE + "/customers/unknown",
                "{\"first_name\": \"X\"}").statusCode()).isEqualTo(404);
        assertThat(sim.storeCustomerExists(MAILCHIMP_STORE, "unknown")).isFalse();
    }
}
