package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LIST_CUSTOMERS;
import static nl.dsrhub.demo.DemoPeople.LIST_NEWSLETTER;
import static nl.dsrhub.demo.DemoPeople.LOTTE;
import static nl.dsrhub.demo.DemoPeople.MAILCHIMP_API_KEY;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static org.assertj.core.api.Assertions.assertThat;

/** The member changes of the Mailchimp simulator, each seen through a later GET over real HTTP. */
class MailchimpMemberChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_EMAIL = "jan.jansen@example.com";
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

    private static String member(String list, String email) {
        return "/lists/" + list + "/members/" + MailchimpSimulator.subscriberHash(email);
    }

    @Test
    void patchChangesNamesPhoneAndAddressAsALaterGetShows() {
        HttpResponse<String> r = send("PATCH", member(LIST_NEWSLETTER, JAN.email()), """
                {"merge_fields": {"FNAME": "Johannes", "LNAME": "Jansen-de Boer", "PHONE": "+31600000099",
                 "ADDRESS": {"addr1": "Nieuwe Gracht 3", "addr2": "", "city": "Utrecht", "state": "",
                             "zip": "3512 AB", "country": "NL"}}}""");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null));
        assertThat(after.at("/merge_fields/FNAME").asText()).isEqualTo("Johannes");
        assertThat(after.at("/merge_fields/LNAME").asText()).isEqualTo("Jansen-de Boer");
        assertThat(after.at("/merge_fields/PHONE").asText()).isEqualTo("+31600000099");
        assertThat(after.at("/merge_fields/ADDRESS/city").asText()).isEqualTo("Utrecht");
        assertThat(after.path("full_name").asText()).isEqualTo("Johannes Jansen-de Boer");
        assertThat(after.path("status").asText()).isEqualTo("subscribed");
        assertThat(json(send("GET", member(LIST_CUSTOMERS, JAN.email()), null)).at("/merge_fields/FNAME").asText())
                .isEqualTo("Jan");   // an audience is changed only when it is asked to
    }

    @Test
    void aChangedEmailMovesTheMemberToTheHashOfTheNewAddress() {
        String contactBefore = json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null)).path("contact_id").asText();

        HttpResponse<String> r = send("PATCH", member(LIST_NEWSLETTER, JAN.email()),
                "{\"email_address\": \"" + NEW_EMAIL + "\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("id").asText()).isEqualTo(MailchimpSimulator.subscriberHash(NEW_EMAIL));
        assertThat(send("GET", member(LIST_NEWSLETTER, JAN.email()), null).statusCode()).isEqualTo(404);
        JsonNode moved = json(send("GET", member(LIST_NEWSLETTER, NEW_EMAIL), null));
        assertThat(moved.path("email_address").asText()).isEqualTo(NEW_EMAIL);
        assertThat(moved.path("contact_id").asText()).isEqualTo(contactBefore);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, NEW_EMAIL) + "/notes", null)).path("notes")).hasSize(1);
        assertThat(sim.memberTags(LIST_NEWSLETTER, NEW_EMAIL)).containsExactly("koffieliefhebber", "klant");
        assertThat(send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"email_address\": \"" + NEW_EMAIL + "\"}")
                .statusCode()).isEqualTo(404);   // a retry must use the new hash
        assertThat(sim.listsOf(JAN.email())).containsExactly(LIST_CUSTOMERS);
    }

    @Test
    void anAddressThatIsAlreadyAMemberOfTheAudienceIsRefusedAsMemberExists() {
        HttpResponse<String> r = send("PATCH", member(LIST_NEWSLETTER, JAN.email()),
                "{\"email_address\": \"" + MARJAN.email() + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestHttp.contentType(r)).startsWith("application/problem+json");
        assertThat(json(r).path("title").asText()).isEqualTo("Member Exists");
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null)).path("email_address").asText())
                .isEqualTo(JAN.email());
        assertThat(json(send("GET", member(LIST_NEWSLETTER, MARJAN.email()), null)).at("/merge_fields/FNAME").asText())
                .isEqualTo("Marjan");
    }

    @Test
    void anUnsubscribeMadeThroughTheApiCanBeUndoneThroughTheApi() {
        assertThat(send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"unsubscribed\"}").statusCode())
                .isEqualTo(200);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null)).path("status").asText())
                .isEqualTo("unsubscribed");

        HttpResponse<String> again = send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"subscribed\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isEqualTo("subscribed");
    }

    @Test
    void aMemberWhoUnsubscribedThemselvesIsInComplianceStateAndOnlyPendingIsAllowed() {
        HttpResponse<String> r = send("PATCH", member(LIST_NEWSLETTER, LOTTE.email()), "{\"status\": \"subscribed\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("title").asText()).isEqualTo("Member In Compliance State");
        assertThat(sim.memberStatus(LIST_NEWSLETTER, LOTTE.email())).isEqualTo("unsubscribed");
        assertThat(send("PATCH", member(LIST_NEWSLETTER, LOTTE.email()), "{\"status\": \"pending\"}").statusCode())
                .isEqualTo(200);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, LOTTE.email())).isEqualTo("pending");
        sim.memberConfirmsOptIn(LIST_NEWSLETTER, LOTTE.email());
        assertThat(sim.memberStatus(LIST_NEWSLETTER, LOTTE.email())).isEqualTo("subscribed");
    }

    @Test
    void putCreatesAMemberForAnAddressTheAudienceDoesNotHold() {
        HttpResponse<String> r = send("PUT", member(LIST_NEWSLETTER, SANNE.email()), """
                {"email_address": "sanne.smit@example.com", "status_if_new": "subscribed",
                 "merge_fields": {"FNAME": "Sanne", "LNAME": "Smit"}}""");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode created = json(send("GET", member(LIST_NEWSLETTER, SANNE.email()), null));
        assertThat(created.path("status").asText()).isEqualTo("subscribed");
        assertThat(created.path("full_name").asText()).isEqualTo("Sanne Smit");
    }

    @Test
    void aShopImportWithPutResubscribesAMemberUnsubscribedThroughTheApi() {
        send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"unsubscribed\"}");

        HttpResponse<String> r = send("PUT", member(LIST_NEWSLETTER, JAN.email()), """
                {"email_address": "jan@example.nl", "status_if_new": "subscribed", "status": "subscribed"}""");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null)).path("status").asText())
                .isEqualTo("subscribed");
    }

    @Test
    void putLeavesTheStatusOfAnExistingMemberAloneWithOnlyStatusIfNew() {
        send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"unsubscribed\"}");

        HttpResponse<String> r = send("PUT", member(LIST_NEWSLETTER, JAN.email()),
                "{\"email_address\": \"jan@example.nl\", \"status_if_new\": \"subscribed\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isEqualTo("unsubscribed");
    }

    @Test
    void putWithoutItsRequiredFieldsOrWithAnotherAddressThanThePathsIsRefused() {
        HttpResponse<String> missing = send("PUT", member(LIST_NEWSLETTER, SANNE.email()),
                "{\"email_address\": \"sanne.smit@example.com\"}");
        HttpResponse<String> other = send("PUT", member(LIST_NEWSLETTER, SANNE.email()),
                "{\"email_address\": \"iemand@example.com\", \"status_if_new\": \"subscribed\"}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/errors/0/field").asText()).isEqualTo("status_if_new");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(sim.listsOf(SANNE.email())).isEmpty();
        assertThat(sim.listsOf("iemand@example.com")).isEmpty();
    }

    @Test
    void anUnknownMergeFieldOrStatusIsRefusedAndChangesNothing() {
        HttpResponse<String> field = send("PATCH", member(LIST_NEWSLETTER, JAN.email()),
                "{\"merge_fields\": {\"FIRSTNAME\": \"Johannes\"}}");
        HttpResponse<String> status = send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"archived\"}");

        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(json(field).at("/errors/0/field").asText()).isEqualTo("FIRSTNAME");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN.email()), null)).at("/merge_fields/FNAME").asText())
                .isEqualTo("Jan");
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isEqualTo("subscribed");
    }

    @Test
    void tagsAreAddedAndRemovedAndARepeatChangesNothing() {
        String body = """
                {"tags": [{"name": "AVG-beperking", "status": "active"}, {"name": "klant", "status": "inactive"}],
                 "is_syncing": true}""";

        assertThat(send("POST", member(LIST_NEWSLETTER, JAN.email()) + "/tags", body).statusCode()).isEqualTo(204);
        assertThat(send("POST", member(LIST_NEWSLETTER, JAN.email()) + "/tags", body).statusCode()).isEqualTo(204);

        List<String> names = new ArrayList<>();
        json(send("GET", member(LIST_NEWSLETTER, JAN.email()) + "/tags", null)).path("tags")
                .forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactly("koffieliefhebber", "AVG-beperking");
        assertThat(send("POST", member(LIST_NEWSLETTER, JAN.email()) + "/tags", "{\"tags\": [{\"name\": \"x\"}]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anArchivedMemberComesBackWithAStatus() {
        send("DELETE", member(LIST_NEWSLETTER, JAN.email()), null);

        HttpResponse<String> r = send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"unsubscribed\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isEqualTo("unsubscribed");
    }

    @Test
    void theMemberListIsFilteredByStatusAndTrimmedToTheFieldsAsked() {
        JsonNode page = json(send("GET", "/lists/" + LIST_NEWSLETTER
                + "/members?status=subscribed&count=2&offset=0&fields=members.email_address,members.status,total_items",
                null));

        assertThat(page.path("total_items").asInt()).isEqualTo(4);
        assertThat(page.path("members")).hasSize(2);
        assertThat(page.path("members").get(0).size()).isEqualTo(2);
        assertThat(page.path("members").findValuesAsText("status")).containsOnly("subscribed");
        assertThat(page.has("_links")).isFalse();
    }

    @Test
    void everyChangeIsRecordedWithItsBodyAndAnswer() {
        send("PATCH", member(LIST_NEWSLETTER, JAN.email()), "{\"status\": \"unsubscribed\"}");

        List<RecordedCall> patches = sim.callsMatching("PATCH", "/3.0/lists/" + LIST_NEWSLETTER + "/members/[0-9a-f]{32}");
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).requestBody()).contains("unsubscribed");
        assertThat(patches.get(0).status()).isEqualTo(200);
    }
}
