package nl.dsrhub.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every endpoint of the SendCloud simulator answers (and is asked) as SendCloud's published specs say. */
class SendCloudSimulatorConformsToSpecTest {

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

    private int call(String method, String url) {
        return SendCloudHttp.send(method, url).statusCode();
    }

    @Test
    void allEndpointsConformToTheSendCloudSpecs() {
        String delivered = JAN.sendcloudParcelIds().get(0);
        String enRoute = "189902341";
        String order = sim.orderIdFor(delivered);

        assertThat(call("GET", sim.v2Url() + "/parcels/" + delivered)).isEqualTo(200);
        assertThat(call("GET", sim.v2Url() + "/parcels/" + ANNA.sendcloudParcelIds().get(2))).isEqualTo(200);
        assertThat(call("GET", sim.v2Url() + "/parcels/999999999")).isEqualTo(404);
        assertThat(call("POST", sim.v2Url() + "/parcels/" + delivered + "/cancel")).isEqualTo(400);
        assertThat(call("POST", sim.v2Url() + "/parcels/" + enRoute + "/cancel")).isEqualTo(200);
        assertThat(call("POST", sim.v2Url() + "/parcels/" + enRoute + "/cancel")).isEqualTo(400);
        assertThat(call("POST", sim.v2Url() + "/parcels/999999999/cancel")).isEqualTo(404);
        assertThat(call("GET", sim.v3Url() + "/orders/" + order)).isEqualTo(200);
        assertThat(call("DELETE", sim.v3Url() + "/orders/" + order)).isEqualTo(204);
        assertThat(call("GET", sim.v3Url() + "/orders/" + order)).isEqualTo(404);
        assertThat(call("DELETE", sim.v3Url() + "/orders/" + order)).isEqualTo(404);
        sim.setWriteLimit(1, Duration.ofMinutes(1));
        assertThat(call("DELETE", sim.v3Url() + "/orders/" + sim.orderIdFor(ANNA.sendcloudParcelIds().get(0))))
                .isEqualTo(204);
        assertThat(call("DELETE", sim.v3Url() + "/orders/" + sim.orderIdFor(ANNA.sendcloudParcelIds().get(1))))
                .isEqualTo(429);
        assertThat(TestHttp.send("GET", sim.v3Url() + "/orders/" + sim.orderIdFor(ANNA.sendcloudParcelIds().get(1)),
                TestHttp.basic("wrong", "key")).statusCode()).isEqualTo(401);

        assertThat(sim.calls()).hasSize(14);
        SendCloudContract.assertConforms(sim.calls());
    }

    @Test
    void changesConformToTheSendCloudSpecs() {
        sim.addParcel(SendCloudChangesTest.unannounced());
        String order = sim.orderIdFor(JAN.sendcloudParcelIds().get(0));

        assertThat(send("PUT", sim.v2Url() + "/parcels", SendCloudChangesTest.FULL_UPDATE)).isEqualTo(200);
        assertThat(call("GET", sim.v2Url() + "/parcels/" + SendCloudChangesTest.UNANNOUNCED)).isEqualTo(200);
        assertThat(send("PUT", sim.v2Url() + "/parcels", SendCloudChangesTest.FULL_UPDATE.replace(
                String.valueOf(SendCloudChangesTest.UNANNOUNCED), JAN.sendcloudParcelIds().get(0)))).isEqualTo(400);
        assertThat(send("PUT", sim.v2Url() + "/parcels", SendCloudChangesTest.FULL_UPDATE.replace(
                String.valueOf(SendCloudChangesTest.UNANNOUNCED), "999999999"))).isEqualTo(404);
        assertThat(send("PATCH", sim.v3Url() + "/orders/" + order, SendCloudChangesTest.ORDER_PATCH)).isEqualTo(200);
        assertThat(send("PATCH", sim.v3Url() + "/orders/" + order, """
                {"shipping_address": {"email": "geen adres"}}""")).isEqualTo(400);
        assertThat(send("PATCH", sim.v3Url() + "/orders/999999999", SendCloudChangesTest.ORDER_PATCH)).isEqualTo(404);
        assertThat(call("GET", sim.v3Url() + "/orders/" + order)).isEqualTo(200);

        assertThat(sim.calls()).hasSize(8);
        // the refused PATCH was sent with an address the spec itself rejects: its answer is checked with the
        // request made valid, so that only the 400's shape is judged
        SendCloudContract.assertConforms(sim.calls().stream().map(c -> c.status() == 400 && c.method().equals("PATCH")
                ? new RecordedCall(c.method(), c.path(), c.rawQuery(), c.requestHeaders(), "{}", c.status(),
                c.responseContentType(), c.responseBody(), c.at()) : c).toList());
    }

    private int send(String method, String url, String json) {
        return TestHttp.sendJson(method, url, SendCloudHttp.AUTH, json).statusCode();
    }

    @Test
    void contractCheckRejectsAResponseThatBreaksTheSpec() {
        call("GET", sim.v3Url() + "/orders/" + sim.orderIdFor(JAN.sendcloudParcelIds().get(0)));
        RecordedCall real = sim.calls().get(0);
        RecordedCall broken = new RecordedCall(real.method(), real.path(), real.rawQuery(), real.requestHeaders(),
                real.requestBody(), real.status(), real.responseContentType(),
                real.responseBody().replace("\"integration\":{\"id\":739283}", "\"integration\":{}"), real.at());

        assertThatThrownBy(() -> SendCloudContract.assertConforms(java.util.List.of(broken)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("id");
    }
}
