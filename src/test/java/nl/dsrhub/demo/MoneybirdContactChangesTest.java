package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.MoneybirdSimulator.API_TOKEN;
import static nl.dsrhub.demo.MoneybirdSimulator.JAN_CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH of a Moneybird contact, seen through a later GET over real HTTP; the booked invoices stay as they were. */
class MoneybirdContactChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAN_CONTACT = "/contacts/" + JAN_CONTACT_ID + ".json";
    private MoneybirdSimulator moneybird;
    private String auth;

    @BeforeEach
    void start() {
        moneybird = new MoneybirdSimulator(API_TOKEN).start().seedDemoPeople();
        auth = "Bearer " + API_TOKEN;
    }

    @AfterEach
    void stop() {
        moneybird.stop();
    }

    private HttpResponse<String> patch(String path, String body) {
        return TestHttp.sendJson("PATCH", moneybird.baseUrl() + path, auth, body);
    }

    private JsonNode get(String path) {
        return json(TestHttp.send("GET", moneybird.baseUrl() + path, auth));
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void patchChangesTheFieldsSentAndKeepsTheRest() {
        String updatedBefore = get(JAN_CONTACT).path("updated_at").asText();

        HttpResponse<String> r = patch(JAN_CONTACT, """
                {"contact": {"address1": "Nieuwe Gracht 3", "zipcode": "3512 AB", "city": "Utrecht",
                 "email": "jan.jansen@example.com", "send_invoices_to_email": "jan.jansen@example.com"}}""");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = get(JAN_CONTACT);
        assertThat(after.path("address1").asText()).isEqualTo("Nieuwe Gracht 3");
        assertThat(after.path("city").asText()).isEqualTo("Utrecht");
        assertThat(after.path("email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("send_invoices_to_email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("firstname").asText()).isEqualTo("Jan");
        assertThat(after.path("updated_at").asText()).isNotEqualTo(updatedBefore);
        assertThat(moneybird.contactIdsByEmail("jan.jansen@example.com")).containsExactly(JAN_CONTACT_ID);
    }

    @Test
    void theBookedInvoicesKeepTheContactDataTheyWereMadeWith() {
        patch(JAN_CONTACT, "{\"contact\": {\"address1\": \"Nieuwe Gracht 3\", \"city\": \"Utrecht\"}}");

        for (String invoice : moneybird.salesInvoiceIds(JAN_CONTACT_ID)) {
            JsonNode inv = get("/sales_invoices/" + invoice + ".json");
            assertThat(inv.at("/contact/city").asText()).isEqualTo("Amsterdam");
            assertThat(inv.at("/contact/email").asText()).isEqualTo(JAN.email());
        }
    }

    @Test
    void anUnknownAttributeIsRefusedWith422AndChangesNothing() {
        HttpResponse<String> r = patch(JAN_CONTACT, "{\"contact\": {\"city\": \"Utrecht\", \"street\": \"Nieuwe Gracht\"}}");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).at("/error/street")).isNotEmpty();
        assertThat(get(JAN_CONTACT).path("city").asText()).isEqualTo("Amsterdam");
    }

    @Test
    void aContactWithoutAnyNameOrAnInvalidCountryIsRefused() {
        assertThat(patch(JAN_CONTACT, "{\"contact\": {\"firstname\": \"\", \"lastname\": \"\"}}").statusCode())
                .isEqualTo(422);
        assertThat(patch(JAN_CONTACT, "{\"contact\": {\"country\": \"Nederland\"}}").statusCode()).isEqualTo(422);
        assertThat(get(JAN_CONTACT).path("lastname").asText()).isEqualTo("Jansen");
    }

    @Test
    void aBodyWithoutTheContactObjectOrAnUnknownIdIsRefused() {
        assertThat(patch(JAN_CONTACT, "{\"city\": \"Utrecht\"}").statusCode()).isEqualTo(400);
        assertThat(patch("/contacts/430412345678999999.json", "{\"contact\": {\"city\": \"Utrecht\"}}").statusCode())
                .isEqualTo(404);
        assertThat(get(JAN_CONTACT).path("city").asText()).isEqualTo("Amsterdam");
    }

    @Test
    void theChangeIsRecordedWithItsBody() {
        patch(JAN_CONTACT, "{\"contact\": {\"city\": \"Utrecht\"}}");

        assertThat(moneybird.callsMatching("PATCH", ".*/contacts/" + JAN_CONTACT_ID + "\\.json")).singleElement()
                .satisfies(c -> assertThat(c.requestBody()).contains("Utrecht"));
    }
}
