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
import java.util.ArrayList;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.PIETER;
import static nl.dsrhub.demo.DemoPeople.WOO_CONSUMER_KEY;
import static nl.dsrhub.demo.DemoPeople.WOO_CONSUMER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class WooCommerceSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private HttpResponse<String> get(String path) {
        return TestHttp.send("GET", woo.baseUrl() + path, auth);
    }

    private HttpResponse<String> delete(String path) {
        return TestHttp.send("DELETE", woo.baseUrl() + path, auth);
    }

    private HttpResponse<String> put(String path, String body) {
        return TestHttp.sendJson("PUT", woo.baseUrl() + path, auth, body);
    }

    @Test
    void updatingAnOrderMergesItsAddressesAndMetaAndIgnoresReadOnlyFields() {
        HttpResponse<String> r = put("/orders/990", "{\"billing\": {\"last_name\": \"[deleted]\", \"email\": \"deleted@site.invalid\"},"
                + " \"customer_id\": 0, \"customer_ip_address\": \"0.0.0.0\", \"meta_data\": [{\"key\": \"_anonymized\", \"value\": \"yes\"}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode order = woo.order(990).orElseThrow();
        assertThat(order.at("/billing/last_name").asText()).isEqualTo("[deleted]");
        assertThat(order.at("/billing/first_name").asText()).as("untouched field").isEqualTo("Anna");
        assertThat(order.at("/customer_id").asLong()).isZero();
        assertThat(order.at("/customer_ip_address").asText()).as("read-only").isNotEqualTo("0.0.0.0");
        assertThat(order.at("/meta_data").findValuesAsText("key")).contains("_anonymized");
        assertThat(json(r).at("/billing/email").asText()).isEqualTo("deleted@site.invalid");
    }

    @Test
    void updatingAnOrderWithAnInvalidEmailOrOfAnUnknownIdIsRefused() {
        assertThat(put("/orders/990", "{\"billing\": {\"email\": \"not an address\"}}").statusCode()).isEqualTo(400);
        assertThat(put("/orders/424242", "{}").statusCode()).isEqualTo(404);
        assertThat(put("/orders/990", "[1, 2]").statusCode()).isEqualTo(400);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    @Test
    void baseUrlIncludesTheApiBasePath() {
        assertThat(woo.baseUrl()).isEqualTo("http://127.0.0.1:" + woo.port() + "/wp-json/wc/v3");
    }

    @Test
    void subscriberIsOnlyFoundWithRoleAll() {
        HttpResponse<String> byDefault = get("/customers?email=" + enc(PIETER.email()));
        HttpResponse<String> withAll = get("/customers?email=" + enc(PIETER.email()) + "&role=all");

        assertThat(byDefault.statusCode()).isEqualTo(200);
        assertThat(json(byDefault)).isEmpty();
        assertThat(ids(json(withAll))).containsExactly(57L);
        assertThat(json(withAll).get(0).path("role").asText()).isEqualTo("subscriber");
    }

    @Test
    void customerEmailMatchIsExactAndCaseInsensitive() {
        JsonNode found = json(get("/customers?email=" + enc("JAN@Example.NL")));

        assertThat(ids(found)).containsExactly(42L);
        JsonNode jan = found.get(0);
        assertThat(jan.path("billing").path("email").asText()).isEqualTo(JAN.email());
        assertThat(jan.path("shipping").path("city").asText()).isEqualTo("Amsterdam");
        assertThat(jan.path("is_paying_customer").asBoolean()).isTrue();
        assertThat(jan.path("meta_data").get(0).path("value").asText()).isEqualTo("cst_8wmqcHMN4U");
    }

    @Test
    void guestOrdersAreFoundBySearchOnEmail() {
        JsonNode orders = json(get("/orders?search=" + enc(EVA.email())));

        assertThat(ids(orders)).containsExactlyInAnyOrder(1004L, 1011L);
        orders.forEach(o -> assertThat(o.path("customer_id").asLong()).isZero());
    }

    @Test
    void orderSearchIsSubstringSoItAlsoFindsOtherAddresses() {
        JsonNode orders = json(get("/orders?search=" + enc(JAN.email())));

        assertThat(ids(orders)).containsExactlyInAnyOrder(1001L, 1007L, 1015L, 1008L, 1013L);
        assertThat(MARJAN.email()).contains(JAN.email());
    }

    @Test
    void ordersOfACustomerCarryProcessorIdsInMeta() {
        JsonNode orders = json(get("/orders?customer=42"));

        assertThat(ids(orders)).containsExactly(1015L, 1007L, 1001L);   // newest first
        List<String> metaValues = new ArrayList<>();
        orders.forEach(o -> o.path("meta_data").forEach(m -> metaValues.add(m.path("key").asText() + "=" + m.path("value").asText())));
        assertThat(metaValues).contains("_mollie_customer_id=cst_8wmqcHMN4U", "_mollie_payment_id=tr_WDqYK6vllg",
                "_sendcloud_parcel_id=184729301", "_postnl_barcode=3SDSRH000100712");
    }

    @Test
    void deleteWithoutForceIs501AndKeepsTheCustomer() {
        HttpResponse<String> r = delete("/customers/42");

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_trash_not_supported");
        assertThat(json(r).path("data").path("status").asInt()).isEqualTo(501);
        assertThat(woo.customerExists(42)).isTrue();
    }

    @Test
    void deleteWithForceRemovesTheCustomerButNotTheOrders() {
        HttpResponse<String> r = delete("/customers/42?force=true");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("email").asText()).isEqualTo(JAN.email());
        assertThat(woo.customerExists(42)).isFalse();
        assertThat(get("/customers/42").statusCode()).isEqualTo(404);
        JsonNode order = json(get("/orders/1001"));
        assertThat(order.path("customer_id").asLong()).isEqualTo(42);
        assertThat(order.path("billing").path("email").asText()).isEqualTo(JAN.email());
        assertThat(ids(json(get("/orders?customer=42")))).hasSize(3);
    }

    @Test
    void unknownCustomerIs404InWordPressErrorShape() {
        HttpResponse<String> r = get("/customers/999");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_invalid_id");
        assertThat(json(r).path("message").asText()).isEqualTo("Invalid ID.");
        assertThat(delete("/customers/999?force=true").statusCode()).isEqualTo(404);
    }

    @Test
    void paginationHeadersCountAllMatches() {
        HttpResponse<String> first = get("/orders?per_page=5");
        HttpResponse<String> last = get("/orders?per_page=5&page=4");

        assertThat(first.headers().firstValue("X-WP-Total")).hasValue("17");
        assertThat(first.headers().firstValue("X-WP-TotalPages")).hasValue("4");
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("page=2").contains("rel=\"next\""));
        assertThat(json(first)).hasSize(5);
        assertThat(json(last)).hasSize(2);
        assertThat(json(get("/orders"))).hasSize(10);   // per_page defaults to 10
    }

    @Test
    void perPageAbove100IsRejected() {
        HttpResponse<String> r = get("/orders?per_page=101");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("code").asText()).isEqualTo("rest_invalid_param");
    }

    @Test
    void wrongConsumerKeyIs401() {
        HttpResponse<String> r = TestHttp.send("GET", woo.baseUrl() + "/customers",
                TestHttp.basic("ck_wrong", WOO_CONSUMER_SECRET));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_authentication_error");
        assertThat(json(r).path("data").path("status").asInt()).isEqualTo(401);
    }

    @Test
    void missingCredentialsAre401() {
        HttpResponse<String> r = TestHttp.send("GET", woo.baseUrl() + "/orders", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("code").asText()).isEqualTo("woocommerce_rest_cannot_view");
    }

    @Test
    void rotatedCredentialsRejectTheOldOnes() {
        woo.setCredentials("ck_new", "cs_new");

        assertThat(get("/orders").statusCode()).isEqualTo(401);
        assertThat(TestHttp.send("GET", woo.baseUrl() + "/orders", TestHttp.basic("ck_new", "cs_new")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void failNextAnswersTheNextRequestsWithThatStatus() {
        woo.failNext(2, 503);

        assertThat(get("/orders/1001").statusCode()).isEqualTo(503);
        HttpResponse<String> second = get("/orders/1001");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(json(second).path("data").path("status").asInt()).isEqualTo(503);
        assertThat(get("/orders/1001").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRouteIsRestNoRoute() {
        HttpResponse<String> r = get("/products/1");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("code").asText()).isEqualTo("rest_no_route");
    }

    @Test
    void callsAreRecordedWithLowerCaseHeaderNames() {
        get("/customers?email=" + enc(JAN.email()));
        delete("/customers/42");

        assertThat(woo.calls()).hasSize(2);
        RecordedCall c = woo.calls().get(0);
        assertThat(c.method()).isEqualTo("GET");
        assertThat(c.path()).isEqualTo("/wp-json/wc/v3/customers");
        assertThat(c.rawQuery()).isEqualTo("email=jan%40example.nl");
        assertThat(c.requestHeaders()).containsKey("authorization").allSatisfy((k, v) -> assertThat(k).isLowerCase());
        assertThat(c.responseContentType()).startsWith("application/json");
        assertThat(woo.callsMatching("DELETE", ".*/customers/\\d+")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(501));
        woo.clearCalls();
        assertThat(woo.calls()).isEmpty();
    }
}
