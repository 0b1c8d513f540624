package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;

/** Updating a SendCloud parcel (v2) and order (v3), each seen through a later GET over real HTTP. */
class SendCloudChangesTest {

    static final long UNANNOUNCED = 190000001L;
    static final String FULL_UPDATE = """
            {"parcel": {"id": 190000001, "name": "Jan Jansen", "address": "Nieuwe Gracht", "house_number": "3",
             "postal_code": "3512 AB", "city": "Utrecht", "country": "NL", "telephone": "+31600000099",
             "email": "jan.jansen@example.com"}}""";
    static final String ORDER_PATCH = """
            {"customer_details": {"name": "Jan Jansen", "phone": "+31600000099", "email": "jan.jansen@example.com"},
             "shipping_address": {"name": "Jan Jansen", "address_line_1": "Nieuwe Gracht", "house_number": "3",
                                  "postal_code": "3512 AB", "city": "Utrecht", "country_code": "NL",
                                  "email": "jan.jansen@example.com"}}""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private SendCloudSimulator sim;

    /** A parcel of Jan's that has no label yet. */
    static SendCloudSimulator.Parcel unannounced() {
        return new SendCloudSimulator.Parcel(UNANNOUNCED, "2001",
                new SendCloudSimulator.Recipient("Jan Jansen", "Voorbeeldstraat", "12", "1234 AB", "Amsterdam", "NL",
                        JAN.email(), JAN.phone()),
                null, SendCloudSimulator.NO_LABEL, Instant.parse("2026-01-05T10:00:00Z"), null, new BigDecimal("24.95"));
    }

    @BeforeEach
    void start() {
        sim = new SendCloudSimulator(DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY,
                DemoPaymentsAndParcels.SENDCLOUD_SECRET_KEY).start();
        DemoPaymentsAndParcels.seed(sim);
        sim.addParcel(unannounced());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> send(String method, String url, String json) {
        return TestHttp.sendJson(method, url, SendCloudHttp.AUTH, json);
    }

    private JsonNode get(String url) {
        return json(SendCloudHttp.send("GET", url));
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aParcelWithoutALabelIsUpdated() {
        HttpResponse<String> r = send("PUT", sim.v2Url() + "/parcels",
                "{\"parcel\": {\"id\": " + UNANNOUNCED + ", \"address\": \"Nieuwe Gracht 3\", \"postal_code\": \"3512 AB\","
                        + " \"city\": \"Utrecht\", \"email\": \"jan.jansen@example.com\"}}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/parcel/0/id").asLong()).isEqualTo(UNANNOUNCED);
        JsonNode after = get(sim.v2Url() + "/parcels/" + UNANNOUNCED).path("parcel");
        assertThat(after.path("address").asText()).isEqualTo("Nieuwe Gracht 3");
        assertThat(after.at("/address_divided/house_number").asText()).isEqualTo("3");
        assertThat(after.path("city").asText()).isEqualTo("Utrecht");
        assertThat(after.path("email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.path("name").asText()).isEqualTo("Jan Jansen");
    }

    @Test
    void anAnnouncedParcelIsNotChanged() {
        String delivered = JAN.sendcloudParcelIds().get(0);

        HttpResponse<String> r = send("PUT", sim.v2Url() + "/parcels",
                "{\"parcel\": {\"id\": " + delivered + ", \"city\": \"Utrecht\"}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("announced");
        assertThat(get(sim.v2Url() + "/parcels/" + delivered).at("/parcel/city").asText()).isEqualTo("Amsterdam");
    }

    @Test
    void anUnknownParcelOrABodyWithoutParcelIsRefused() {
        assertThat(send("PUT", sim.v2Url() + "/parcels", "{\"parcel\": {\"id\": 999999999, \"city\": \"Utrecht\"}}")
                .statusCode()).isEqualTo(404);
        assertThat(send("PUT", sim.v2Url() + "/parcels", "{\"id\": " + UNANNOUNCED + "}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", sim.v2Url() + "/parcels", "{\"parcel\": {\"id\": " + UNANNOUNCED + ", \"country\": \"NLD\"}}")
                .statusCode()).isEqualTo(400);
        assertThat(get(sim.v2Url() + "/parcels/" + UNANNOUNCED).at("/parcel/country/iso_2").asText()).isEqualTo("NL");
    }

    @Test
    void anOrdersCustomerDetailsAndAddressesAreMergedByPatch() {
        String order = sim.orderIdFor(JAN.sendcloudParcelIds().get(0));

        HttpResponse<String> r = send("PATCH", sim.v3Url() + "/orders/" + order, ORDER_PATCH);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/data/id").asLong()).isEqualTo(Long.parseLong(order));
        JsonNode after = get(sim.v3Url() + "/orders/" + order).path("data");
        assertThat(after.at("/customer_details/email").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(after.at("/customer_details/phone_number").asText()).isEqualTo("+31600000099");
        assertThat(after.at("/shipping_address/city").asText()).isEqualTo("Utrecht");
        assertThat(after.at("/billing_address/city").asText()).as("not sent, not changed").isEqualTo("Amsterdam");
        assertThat(after.at("/order_details/status/code").asText()).isEqualTo("fulfilled");
    }

    @Test
    void anInvalidOrderChangeIsRefusedWithItsPointerAndChangesNothing() {
        String order = sim.orderIdFor(JAN.sendcloudParcelIds().get(0));

        HttpResponse<String> r = send("PATCH", sim.v3Url() + "/orders/" + order,
                "{\"shipping_address\": {\"city\": \"Utrecht\", \"email\": \"geen adres\"}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/errors/0/source/pointer").asText()).isEqualTo("order/shipping_address/email");
        assertThat(get(sim.v3Url() + "/orders/" + order).at("/data/shipping_address/city").asText()).isEqualTo("Amsterdam");
        assertThat(send("PATCH", sim.v3Url() + "/orders/999999999", ORDER_PATCH).statusCode()).isEqualTo(404);
    }

    @Test
    void updatesCountAgainstTheWriteLimit() {
        sim.setWriteLimit(1, Duration.ofMinutes(1));
        String order = sim.orderIdFor(JAN.sendcloudParcelIds().get(0));

        assertThat(send("PATCH", sim.v3Url() + "/orders/" + order, ORDER_PATCH).statusCode()).isEqualTo(200);
        HttpResponse<String> second = send("PUT", sim.v2Url() + "/parcels", FULL_UPDATE);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(sim.v2Url() + "/parcels/" + UNANNOUNCED).at("/parcel/city").asText()).isEqualTo("Amsterdam");
    }
}
