package nl.dsrhub.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static nl.dsrhub.demo.DemoPaymentsAndParcels.MOLLIE_API_KEY;
import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every endpoint of the Mollie simulator answers (and is asked) as Mollie's published spec says. */
class MollieSimulatorConformsToSpecTest {

    private MollieSimulator sim;

    @BeforeEach
    void start() {
        sim = new MollieSimulator(MOLLIE_API_KEY).start();
        DemoPaymentsAndParcels.seed(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private int call(String method, String path) {
        return MollieHttp.send(method, sim.baseUrl() + path, MOLLIE_API_KEY, null).statusCode();
    }

    private int delete(String path, String idempotencyKey) {
        return MollieHttp.send("DELETE", sim.baseUrl() + path, MOLLIE_API_KEY, idempotencyKey).statusCode();
    }

    @Test
    void allEndpointsConformToTheMollieSpec() {
        String jan = "/customers/" + JAN.mollieCustomerId();
        String anna = "/customers/" + ANNA.mollieCustomerId();

        assertThat(call("GET", jan)).isEqualTo(200);
        assertThat(call("GET", jan + "/payments")).isEqualTo(200);
        assertThat(call("GET", jan + "/payments?limit=2")).isEqualTo(200);
        assertThat(call("GET", jan + "/payments?limit=2&from=" + JAN.molliePaymentIds().get(0))).isEqualTo(200);
        assertThat(call("GET", jan + "/payments?limit=1&sort=asc")).isEqualTo(200);
        assertThat(call("GET", jan + "/mandates")).isEqualTo(200);
        assertThat(call("GET", jan + "/subscriptions")).isEqualTo(200);
        assertThat(call("GET", anna + "/subscriptions")).isEqualTo(200);
        assertThat(call("GET", anna + "/mandates?limit=5")).isEqualTo(200);
        assertThat(call("GET", "/payments/" + JAN.molliePaymentIds().get(1))).isEqualTo(200);
        assertThat(call("GET", "/payments/" + EVA.molliePaymentIds().get(0))).isEqualTo(200);
        assertThat(call("GET", "/payments/tr_doesNotExist")).isEqualTo(404);
        assertThat(call("GET", "/customers/cst_doesNotExist")).isEqualTo(404);
        assertThat(delete(jan, "erase-jan-1")).isEqualTo(204);
        assertThat(delete(jan, "erase-jan-1")).isEqualTo(204);
        assertThat(call("DELETE", jan)).isEqualTo(404);
        assertThat(call("GET", jan)).isEqualTo(404);
        assertThat(call("GET", "/payments/" + JAN.molliePaymentIds().get(0))).isEqualTo(200);
        sim.failNext(1, 503);
        assertThat(call("GET", anna)).isEqualTo(503);
        assertThat(MollieHttp.send("GET", sim.baseUrl() + anna, "test_wrongKey000000000000000000", null).statusCode())
                .isEqualTo(401);

        assertThat(sim.calls()).hasSize(20);
        MollieContract.assertConforms(sim.calls());
    }

    @Test
    void updatesConformToTheMollieSpec() {
        sim.addPayment(MollieUpdatesTest.openPayment());
        String jan = "/customers/" + JAN.mollieCustomerId();
        String paid = "/payments/" + JAN.molliePaymentIds().get(0);

        assertThat(patch(jan, "{\"name\": \"Johannes Jansen\", \"email\": \"jan.jansen@example.com\","
                + " \"locale\": \"nl_NL\", \"metadata\": {\"shop_customer_id\": \"42\"}}", "rect-jan-1")).isEqualTo(200);
        assertThat(patch("/customers/cst_doesNotExist", "{\"name\": \"X\"}", null)).isEqualTo(404);
        assertThat(patch(paid, "{\"billingEmail\": \"jan.jansen@example.com\"}", null)).isEqualTo(422);
        assertThat(patch("/payments/" + MollieUpdatesTest.OPEN_PAYMENT, """
                {"description": "Bestelling 2001", "billingEmail": "jan.jansen@example.com",
                 "billingAddress": {"streetAndNumber": "Nieuwe Gracht 3", "postalCode": "3512 AB", "city": "Utrecht",
                 "country": "NL"}}""", null)).isEqualTo(200);
        assertThat(call("GET", "/payments/" + MollieUpdatesTest.OPEN_PAYMENT)).isEqualTo(200);

        assertThat(sim.calls()).hasSize(5);
        MollieContract.assertConforms(sim.calls());
    }

    @Test
    void contractCheckRejectsAnUpdateWithAFieldNoMemberOfTheSchemaDeclares() {
        patch("/customers/" + JAN.mollieCustomerId(), "{\"nmae\": \"Johannes Jansen\"}", null);

        assertThatThrownBy(() -> MollieContract.assertConforms(sim.calls()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("nmae");
    }

    private int patch(String path, String json, String idempotencyKey) {
        return MollieHttp.send("PATCH", sim.baseUrl() + path, MOLLIE_API_KEY, idempotencyKey, json).statusCode();
    }

    @Test
    void contractCheckRejectsAResponseThatBreaksTheSpec() {
        call("GET", "/customers/" + JAN.mollieCustomerId());
        RecordedCall real = sim.calls().get(0);
        RecordedCall broken = new RecordedCall(real.method(), real.path(), real.rawQuery(), real.requestHeaders(),
                real.requestBody(), real.status(), real.responseContentType(),
                real.responseBody().replace("\"mode\":\"test\"", "\"mode\":\"sandbox\""), real.at());

        assertThatThrownBy(() -> MollieContract.assertConforms(java.util.List.of(broken)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("mode");
    }
}
