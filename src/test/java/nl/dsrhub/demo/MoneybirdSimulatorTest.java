package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static nl.dsrhub.demo.MoneybirdSimulator.ADMINISTRATION_ID;
import static nl.dsrhub.demo.MoneybirdSimulator.ANNA_CONTACT_ID;
import static nl.dsrhub.demo.MoneybirdSimulator.API_TOKEN;
import static nl.dsrhub.demo.MoneybirdSimulator.JAN_CONTACT_ID;
import static nl.dsrhub.demo.MoneybirdSimulator.KEES_CONTACT_ID;
import static nl.dsrhub.demo.MoneybirdSimulator.MARJAN_CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;

class MoneybirdSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private HttpResponse<String> call(String method, String path) {
        return TestHttp.send(method, moneybird.baseUrl() + path, auth);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void baseUrlHoldsTheAdministrationId() {
        assertThat(moneybird.baseUrl()).isEqualTo("http://127.0.0.1:" + moneybird.port() + "/api/v2/" + ADMINISTRATION_ID);
    }

    @Test
    void queryIsATextSearchSoJansAddressAlsoFindsMarjan() {
        HttpResponse<String> r = call("GET", "/contacts.json?query=" + enc(JAN.email()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(json(r))).containsExactlyInAnyOrder(JAN_CONTACT_ID, MARJAN_CONTACT_ID);
        List<String> exact = new ArrayList<>();
        json(r).forEach(c -> {
            if (c.path("email").asText().equalsIgnoreCase(JAN.email())) {
                exact.add(c.path("id").asText());
            }
        });
        assertThat(exact).containsExactly(JAN_CONTACT_ID);
    }

    @Test
    void unknownPersonGivesAnEmptyArray() {
        HttpResponse<String> r = call("GET", "/contacts.json?query=" + enc(SANNE.email()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).isEmpty();
    }

    @Test
    void contactIsReadByIdWithStringId() {
        JsonNode c = json(call("GET", "/contacts/" + JAN_CONTACT_ID + ".json"));

        assertThat(c.path("id").isTextual()).isTrue();
        assertThat(c.path("id").asText()).isEqualTo(JAN_CONTACT_ID);
        assertThat(c.path("administration_id").asText()).isEqualTo(ADMINISTRATION_ID);
        assertThat(c.path("firstname").asText()).isEqualTo("Jan");
        assertThat(c.path("zipcode").asText()).isEqualTo("1234 AB");
        assertThat(c.path("email").asText()).isEqualTo(JAN.email());
    }

    @Test
    void unknownContactIs404() {
        HttpResponse<String> r = call("GET", "/contacts/999999999999999999.json");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("error").asText()).isNotEmpty();
    }

    @Test
    void salesInvoicesAreFilteredByContact() {
        JsonNode invoices = json(call("GET", "/sales_invoices.json?filter=" + enc("contact_id:" + JAN_CONTACT_ID)));

        assertThat(invoices).hasSize(2);
        List<String> numbers = new ArrayList<>();
        invoices.forEach(i -> {
            numbers.add(i.path("invoice_id").asText());
            assertThat(i.path("contact_id").asText()).isEqualTo(JAN_CONTACT_ID);
            assertThat(i.path("state").asText()).isEqualTo("paid");
            assertThat(i.path("details")).isNotEmpty();
        });
        assertThat(numbers).containsExactlyInAnyOrder("2024-0001", "2025-0007");
        assertThat(invoices.get(0).path("total_price_incl_tax").asText()).isEqualTo("54.85");
    }

    @Test
    void deletingAContactWithBookedInvoicesIs422AndKeepsIt() {
        HttpResponse<String> r = call("DELETE", "/contacts/" + JAN_CONTACT_ID + ".json");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("error").asText()).contains("bookkeeping");
        assertThat(moneybird.contactExists(JAN_CONTACT_ID)).isTrue();
        assertThat(call("DELETE", "/contacts/" + MARJAN_CONTACT_ID + ".json").statusCode()).isEqualTo(422);
        assertThat(call("DELETE", "/contacts/" + ANNA_CONTACT_ID + ".json").statusCode()).isEqualTo(422);
    }

    @Test
    void deletingAContactWithoutInvoicesIs204AndThenItIsGone() {
        HttpResponse<String> r = call("DELETE", "/contacts/" + KEES_CONTACT_ID + ".json");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(moneybird.contactExists(KEES_CONTACT_ID)).isFalse();
        assertThat(call("GET", "/contacts/" + KEES_CONTACT_ID + ".json").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/contacts/" + KEES_CONTACT_ID + ".json").statusCode()).isEqualTo(404);
    }

    @Test
    void aContactThatCannotBeDeletedCanBeArchived() {
        HttpResponse<String> r = call("PATCH", "/contacts/" + JAN_CONTACT_ID + "/archive.json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("archived").asBoolean()).isTrue();
        assertThat(moneybird.isArchived(JAN_CONTACT_ID)).isTrue();
        assertThat(moneybird.salesInvoiceIds(JAN_CONTACT_ID)).hasSize(2);
    }

    @Test
    void invalidTokenIs401() {
        HttpResponse<String> r = TestHttp.send("GET", moneybird.baseUrl() + "/contacts.json", "Bearer wrong");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").asText()).isEqualTo("Token is invalid");
    }

    @Test
    void missingTokenIs401() {
        assertThat(TestHttp.send("GET", moneybird.baseUrl() + "/contacts.json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void otherAdministrationIs404() {
        HttpResponse<String> r = TestHttp.send("GET",
                "http://127.0.0.1:" + moneybird.port() + "/api/v2/987654321/contacts.json", auth);

        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void everyResponseCarriesRateLimitHeaders() {
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> first = call("GET", "/contacts.json");
        HttpResponse<String> second = call("GET", "/contacts/999.json");   // an error counts too

        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("150");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("149");
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("148");
        long reset = Long.parseLong(first.headers().firstValue("RateLimit-Reset").orElseThrow());
        assertThat(reset).isBetween(now, now + 301);
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() {
        moneybird.setRateLimit(2, Duration.ofSeconds(60));
        assertThat(call("GET", "/contacts.json").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/contacts.json").statusCode()).isEqualTo(200);

        HttpResponse<String> r = call("GET", "/contacts.json");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(r.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(r.headers().firstValue("RateLimit-Limit")).hasValue("2");
    }
}
