package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the SendCloud simulator, one behaviour per test. */
class SendCloudSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EN_ROUTE = "189902341";   // ANNA's most recent parcel
    private SendCloudSimulator sim;

    @BeforeEach
    void start() {
        sim = new SendCloudSimulator(DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY,
                DemoPaymentsAndParcels.SENDCLOUD_SECRET_KEY).start();
        DemoPaymentsAndParcels.seed(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void everyDemoParcelHasAParcelAndAnOrder() {
        for (DemoPeople.Person p : DemoPeople.EVERYONE) {
            for (String parcel : p.sendcloudParcelIds()) {
                assertThat(sim.parcelExists(parcel)).as(parcel).isTrue();
                assertThat(sim.orderExists(sim.orderIdFor(parcel))).as(parcel).isTrue();
            }
        }
        assertThat(sim.parcelStatus(EN_ROUTE)).isEqualTo(SendCloudSimulator.EN_ROUTE);
        assertThat(sim.parcelStatus(JAN.sendcloudParcelIds().get(0))).isEqualTo(SendCloudSimulator.DELIVERED);
    }

    @Test
    void parcelIsReturned() throws Exception {
        String id = JAN.sendcloudParcelIds().get(1);
        HttpResponse<String> r = SendCloudHttp.send("GET", sim.v2Url() + "/parcels/" + id);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode parcel = json(r).path("parcel");
        assertThat(parcel.path("id").asLong()).isEqualTo(Long.parseLong(id));
        assertThat(parcel.path("email").asText()).isEqualTo(JAN.email());
        assertThat(parcel.path("order_number").asText()).isEqualTo("1007");
        assertThat(parcel.path("tracking_number").asText()).isEqualTo("3SDSRH000100712");
        assertThat(parcel.path("status").path("message").asText()).isEqualTo("Delivered");
    }

    @Test
    void orderDeleteIs204AndThenTheOrderIsGone() throws Exception {
        String order = sim.orderIdFor(ANNA.sendcloudParcelIds().get(0));
        assertThat(SendCloudHttp.send("GET", sim.v3Url() + "/orders/" + order).statusCode()).isEqualTo(200);

        assertThat(SendCloudHttp.send("DELETE", sim.v3Url() + "/orders/" + order).statusCode()).isEqualTo(204);

        HttpResponse<String> after = SendCloudHttp.send("GET", sim.v3Url() + "/orders/" + order);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(json(after).path("errors").path(0).path("code").asText()).isEqualTo("not_found");
        assertThat(sim.orderExists(order)).isFalse();
        assertThat(sim.parcelExists(ANNA.sendcloudParcelIds().get(0))).isTrue();
    }

    @Test
    void cancellingADeliveredParcelIsRejected() throws Exception {
        String id = JAN.sendcloudParcelIds().get(0);
        HttpResponse<String> r = SendCloudHttp.send("POST", sim.v2Url() + "/parcels/" + id + "/cancel");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("status").asText()).isEqualTo("failed");
        assertThat(sim.parcelStatus(id)).isEqualTo(SendCloudSimulator.DELIVERED);
    }

    @Test
    void cancellingAnAnnouncedParcelCancelsButKeepsIt() throws Exception {
        HttpResponse<String> r = SendCloudHttp.send("POST", sim.v2Url() + "/parcels/" + EN_ROUTE + "/cancel");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("cancelled");
        assertThat(sim.parcelExists(EN_ROUTE)).isTrue();
        assertThat(sim.parcelStatus(EN_ROUTE)).isEqualTo(SendCloudSimulator.CANCELLED);
    }

    @Test
    void parcelsAnnouncedMoreThan42DaysAgoCannotBeCancelled() throws Exception {
        sim.setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(43)));

        HttpResponse<String> r = SendCloudHttp.send("POST", sim.v2Url() + "/parcels/" + EN_ROUTE + "/cancel");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(sim.parcelStatus(EN_ROUTE)).isEqualTo(SendCloudSimulator.EN_ROUTE);
    }

    @Test
    void writesOverTheLimitGet429WithRetryAfter() throws Exception {
        sim.setWriteLimit(2, Duration.ofSeconds(30));
        String order = sim.orderIdFor(ANNA.sendcloudParcelIds().get(1));
        SendCloudHttp.send("DELETE", sim.v3Url() + "/orders/" + order);
        SendCloudHttp.send("POST", sim.v2Url() + "/parcels/" + EN_ROUTE + "/cancel");
        assertThat(SendCloudHttp.send("GET", sim.v2Url() + "/parcels/" + EN_ROUTE).statusCode()).isEqualTo(200);

        HttpResponse<String> r = SendCloudHttp.send("DELETE", sim.v3Url() + "/orders/"
                + sim.orderIdFor(ANNA.sendcloudParcelIds().get(2)));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 30));
        assertThat(json(r).path("errors").path(0).path("status").asText()).isEqualTo("429");
        assertThat(sim.orderExists(sim.orderIdFor(ANNA.sendcloudParcelIds().get(2)))).isTrue();
    }

    @Test
    void writeWindowRollsOn() {
        Clock start = Clock.fixed(java.time.Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        sim.setClock(start);
        sim.setWriteLimit(1, Duration.ofMinutes(1));
        String cancel = sim.v2Url() + "/parcels/" + JAN.sendcloudParcelIds().get(0) + "/cancel";
        assertThat(SendCloudHttp.send("POST", cancel).statusCode()).isEqualTo(400);
        assertThat(SendCloudHttp.send("POST", cancel).statusCode()).isEqualTo(429);

        sim.setClock(Clock.offset(start, Duration.ofSeconds(61)));

        assertThat(SendCloudHttp.send("POST", cancel).statusCode()).isEqualTo(400);
    }

    @Test
    void wrongCredentialsAre401() {
        HttpResponse<String> r = TestHttp.send("GET", sim.v2Url() + "/parcels/" + EN_ROUTE,
                TestHttp.basic(DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY, "wrong"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(TestHttp.send("GET", sim.v2Url() + "/parcels/" + EN_ROUTE, null).statusCode()).isEqualTo(401);
    }
}
