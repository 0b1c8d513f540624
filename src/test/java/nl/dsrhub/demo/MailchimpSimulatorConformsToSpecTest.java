package nl.dsrhub.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LIST_CUSTOMERS;
import static nl.dsrhub.demo.DemoPeople.LIST_NEWSLETTER;
import static nl.dsrhub.demo.DemoPeople.MAILCHIMP_API_KEY;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every endpoint of the Mailchimp simulator answers (and is asked) as the published spec says. */
class MailchimpSimulatorConformsToSpecTest {

    private MailchimpSimulator sim;
    private String auth;

    @BeforeEach
    void start() {
        sim = new MailchimpSimulator(MAILCHIMP_API_KEY).start();
        DemoPeople.seed(sim);
        auth = TestHttp.basic("anystring", MAILCHIMP_API_KEY);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private int call(String method, String path) {
        return TestHttp.send(method, sim.baseUrl() + path, auth).statusCode();
    }

    @Test
    void allEndpointsConformToTheMailchimpSpecs() {
        String member = "/lists/" + LIST_NEWSLETTER + "/members/" + JAN.subscriberHash();
        String q = URLEncoder.encode(JAN.email(), StandardCharsets.UTF_8);

        assertThat(call("GET", "/lists")).isEqualTo(200);
        assertThat(call("GET", "/lists?count=2&offset=1")).isEqualTo(200);
        assertThat(call("GET", "/lists?email=" + q)).isEqualTo(200);
        assertThat(call("GET", "/lists/" + LIST_NEWSLETTER + "/members?count=5&status=subscribed")).isEqualTo(200);
        assertThat(call("GET", member)).isEqualTo(200);
        assertThat(call("GET", member + "/activity")).isEqualTo(200);
        assertThat(call("GET", member + "/activity-feed?count=10")).isEqualTo(200);
        assertThat(call("GET", member + "/notes")).isEqualTo(200);
        assertThat(call("GET", member + "/tags")).isEqualTo(200);
        assertThat(call("GET", "/search-members?query=" + q)).isEqualTo(200);
        assertThat(call("GET", "/search-members?query=" + q + "&list_id=" + LIST_CUSTOMERS)).isEqualTo(200);
        assertThat(call("DELETE", member)).isEqualTo(204);
        assertThat(call("GET", member)).isEqualTo(200);   // archived
        assertThat(call("POST", member + "/actions/delete-permanent")).isEqualTo(204);
        assertThat(call("GET", member)).isEqualTo(404);
        assertThat(call("GET", "/lists/" + LIST_NEWSLETTER + "/members/" + SANNE.subscriberHash() + "/notes")).isEqualTo(404);
        assertThat(call("POST", "/lists/" + LIST_NEWSLETTER + "/members/" + SANNE.subscriberHash()
                + "/actions/delete-permanent")).isEqualTo(404);
        sim.failNext(1, 503);
        assertThat(call("GET", "/lists")).isEqualTo(503);
        assertThat(TestHttp.send("GET", sim.baseUrl() + "/lists", TestHttp.basic("x", "wrong-key")).statusCode())
                .isEqualTo(401);

        assertThat(sim.calls()).hasSize(19);
        MailchimpContract.assertConforms(sim.calls());
    }

    private int send(String method, String path, String body) {
        return TestHttp.sendJson(method, sim.baseUrl() + path, auth, body).statusCode();
    }

    @Test
    void everyMemberChangeConformsToTheMembersSpec() {
        String jan = "/lists/" + LIST_NEWSLETTER + "/members/" + JAN.subscriberHash();
        String moved = "/lists/" + LIST_NEWSLETTER + "/members/" + MailchimpSimulator.subscriberHash("jan.jansen@example.com");
        String lotte = "/lists/" + LIST_NEWSLETTER + "/members/" + DemoPeople.LOTTE.subscriberHash();

        assertThat(send("PATCH", jan, """
                {"merge_fields": {"FNAME": "Johannes", "ADDRESS": {"addr1": "Nieuwe Gracht 3", "city": "Utrecht",
                 "zip": "3512 AB", "country": "NL"}}}""")).isEqualTo(200);
        assertThat(send("PATCH", jan, "{\"email_address\": \"marjan@example.nl\"}")).isEqualTo(400);
        assertThat(send("PATCH", jan, "{\"email_address\": \"jan.jansen@example.com\"}")).isEqualTo(200);
        assertThat(call("GET", jan)).isEqualTo(404);
        assertThat(call("GET", moved)).isEqualTo(200);
        assertThat(send("PATCH", moved, "{\"status\": \"unsubscribed\"}")).isEqualTo(200);
        assertThat(send("PATCH", lotte, "{\"status\": \"subscribed\"}")).isEqualTo(400);
        assertThat(send("PUT", moved, """
                {"email_address": "jan.jansen@example.com", "status_if_new": "subscribed", "status": "subscribed"}"""))
                .isEqualTo(200);
        assertThat(send("PUT", "/lists/" + LIST_NEWSLETTER + "/members/" + SANNE.subscriberHash(), """
                {"email_address": "sanne.smit@example.com", "status_if_new": "subscribed"}""")).isEqualTo(200);
        assertThat(send("POST", moved + "/tags", """
                {"tags": [{"name": "AVG-beperking", "status": "active"}], "is_syncing": true}""")).isEqualTo(204);
        assertThat(call("GET", moved + "/tags")).isEqualTo(200);
        assertThat(call("GET", "/lists/" + LIST_NEWSLETTER + "/members?status=subscribed&count=1000&offset=0"
                + "&fields=members.email_address,members.status,total_items")).isEqualTo(200);

        assertThat(sim.calls()).hasSize(12);
        MailchimpContract.assertConforms(sim.calls());
    }

    @Test
    void customerChangesConformToTheEcommerceSpec() {
        String customer = "/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE + "/customers/"
                + DemoPeople.mailchimpCustomerId(JAN);

        assertThat(send("PATCH", customer, """
                {"first_name": "Johannes", "address": {"address1": "Nieuwe Gracht 3", "city": "Utrecht",
                 "postal_code": "3512 AB", "country_code": "NL"}}""")).isEqualTo(200);
        assertThat(send("PUT", customer, "{\"id\": \"" + DemoPeople.mailchimpCustomerId(JAN)
                + "\", \"email_address\": \"jan.jansen@example.com\", \"opt_in_status\": false}")).isEqualTo(200);
        assertThat(call("GET", customer)).isEqualTo(200);
        assertThat(send("PATCH", "/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE + "/customers/unknown",
                "{\"first_name\": \"X\"}")).isEqualTo(404);

        assertThat(sim.calls()).hasSize(4);
        MailchimpContract.assertConforms(sim.calls());
    }

    @Test
    void everyEcommerceEndpointTheHubUsesConformsToTheEcommerceSpec() {
        String store = "/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE;
        String anna = DemoPeople.mailchimpCustomerId(DemoPeople.ANNA);
        String q = URLEncoder.encode(DemoPeople.ANNA.email(), StandardCharsets.UTF_8);

        assertThat(call("GET", "/ecommerce/stores?fields=stores.id,total_items&count=1000")).isEqualTo(200);
        assertThat(call("GET", "/ecommerce/stores?count=1&offset=1")).isEqualTo(200);
        assertThat(call("GET", store)).isEqualTo(200);
        assertThat(call("GET", store + "/customers?email_address=" + q)).isEqualTo(200);
        assertThat(call("GET", store + "/customers/" + anna)).isEqualTo(200);
        assertThat(call("GET", store + "/orders?customer_id=" + anna + "&count=1000")).isEqualTo(200);
        assertThat(call("GET", store + "/orders?count=1000&offset=1000")).isEqualTo(200);
        assertThat(call("GET", store + "/orders/1002")).isEqualTo(200);
        assertThat(call("GET", store + "/carts?count=1000")).isEqualTo(200);
        assertThat(call("GET", store + "/carts/cart-7f3a91")).isEqualTo(200);
        assertThat(call("DELETE", store + "/carts/cart-7f3a91")).isEqualTo(204);
        assertThat(call("GET", store + "/carts/cart-7f3a91")).isEqualTo(404);
        assertThat(call("DELETE", store + "/orders/1002")).isEqualTo(204);
        assertThat(call("DELETE", store + "/customers/" + anna)).isEqualTo(204);
        assertThat(call("DELETE", store + "/customers/" + anna)).isEqualTo(404);
        assertThat(call("GET", "/ecommerce/stores/no-such-store/customers?email_address=" + q)).isEqualTo(404);

        assertThat(sim.calls()).hasSize(16);
        MailchimpContract.assertConforms(sim.calls());
    }

    @Test
    void anEcommerceAnswerThatBreaksTheSpecIsCaught() {
        call("GET", "/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE + "/customers/" + DemoPeople.mailchimpCustomerId(DemoPeople.JAN));
        RecordedCall real = sim.calls().get(0);
        RecordedCall broken = new RecordedCall(real.method(), real.path(), real.rawQuery(), real.requestHeaders(),
                real.requestBody(), real.status(), real.responseContentType(),
                real.responseBody().replace("\"opt_in_status\":true", "\"opt_in_status\":\"yes\""), real.at());

        MailchimpContract.assertConforms(List.of(real));
        assertThatThrownBy(() -> MailchimpContract.assertConforms(List.of(broken)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("opt_in_status");
    }

    @Test
    void contractCheckRejectsAResponseThatBreaksTheSpec() {
        call("GET", "/lists/" + LIST_NEWSLETTER + "/members/" + JAN.subscriberHash());
        RecordedCall real = sim.calls().get(0);
        RecordedCall broken = new RecordedCall(real.method(), real.path(), real.rawQuery(), real.requestHeaders(),
                real.requestBody(), real.status(), real.responseContentType(),
                real.responseBody().replace("\"status\":\"subscribed\"", "\"status\":\"deleted\""), real.at());

        MailchimpContract.assertConforms(List.of(real));
        assertThatThrownBy(() -> MailchimpContract.assertConforms(List.of(broken)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("deleted");
    }
}
