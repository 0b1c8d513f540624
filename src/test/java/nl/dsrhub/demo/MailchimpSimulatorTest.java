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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LIST_CUSTOMERS;
import static nl.dsrhub.demo.DemoPeople.LIST_NEWSLETTER;
import static nl.dsrhub.demo.DemoPeople.MAILCHIMP_API_KEY;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailchimpSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private HttpResponse<String> send(String method, String path) {
        return TestHttp.send(method, sim.baseUrl() + path, auth);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String member(String list, DemoPeople.Person p) {
        return "/lists/" + list + "/members/" + p.subscriberHash();
    }

    @Test
    void storeCartsArePagedWithTheirTotalAndADeletedCartIsGone() {
        String carts = "/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE + "/carts";
        JsonNode first = json(send("GET", carts + "?count=1&offset=0"));
        JsonNode second = json(send("GET", carts + "?count=1&offset=1"));

        assertThat(first.path("total_items").asInt()).isEqualTo(2);
        assertThat(first.path("carts")).hasSize(1);
        assertThat(first.at("/carts/0/customer/email_address").asText()).isNotEqualTo(second.at("/carts/0/customer/email_address").asText());
        assertThat(first.at("/carts/0/lines/0/product_title").asText()).isNotEmpty();

        String id = first.at("/carts/0/id").asText();
        assertThat(send("DELETE", carts + "/" + id).statusCode()).isEqualTo(204);
        assertThat(send("GET", carts + "/" + id).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", carts)).path("total_items").asInt()).isEqualTo(1);
    }

    @Test
    void subscriberHashIsMd5OfTheLowerCaseEmail() {
        assertThat(MailchimpSimulator.subscriberHash(" Jan@Example.NL ")).isEqualTo(JAN.subscriberHash())
                .isEqualTo(MailchimpSimulator.md5("jan@example.nl")).hasSize(32);
    }

    @Test
    void memberIsFoundByMd5Hash() {
        HttpResponse<String> r = send("GET", member(LIST_NEWSLETTER, JAN));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("email_address").asText()).isEqualTo(JAN.email());
        assertThat(json(r).path("id").asText()).isEqualTo(JAN.subscriberHash());
        assertThat(json(r).path("status").asText()).isEqualTo("subscribed");
        assertThat(json(r).path("tags_count").asInt()).isEqualTo(2);
    }

    @Test
    void unknownMemberIs404ProblemJson() {
        HttpResponse<String> r = send("GET", member(LIST_NEWSLETTER, SANNE));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestHttp.contentType(r)).startsWith("application/problem+json");
        assertThat(json(r).path("title").asText()).isEqualTo("Resource Not Found");
        assertThat(json(r).path("status").asInt()).isEqualTo(404);
        assertThat(json(r).has("detail") && json(r).has("instance") && json(r).has("type")).isTrue();
    }

    @Test
    void memberHistoryHasActivityNotesAndTags() {
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN) + "/activity")).path("activity")).hasSize(4);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN) + "/activity-feed")).path("activity")).hasSize(4);
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN) + "/notes")).path("notes")).hasSize(1);
        assertThat(json(send("GET", member(LIST_CUSTOMERS, JAN) + "/tags")).path("tags").get(0).path("name").asText())
                .isEqualTo("vaste klant");
    }

    @Test
    void plainDeleteOnlyArchivesTheMember() {
        HttpResponse<String> r = send("DELETE", member(LIST_NEWSLETTER, JAN));

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isEqualTo("archived");
        HttpResponse<String> after = send("GET", member(LIST_NEWSLETTER, JAN));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).path("status").asText()).isEqualTo("archived");
        assertThat(json(send("GET", member(LIST_NEWSLETTER, JAN) + "/notes")).path("notes")).hasSize(1);
    }

    @Test
    void deletePermanentErasesTheMemberForGood() {
        HttpResponse<String> r = send("POST", member(LIST_NEWSLETTER, JAN) + "/actions/delete-permanent");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(sim.memberStatus(LIST_NEWSLETTER, JAN.email())).isNull();
        assertThat(send("GET", member(LIST_NEWSLETTER, JAN)).statusCode()).isEqualTo(404);
        assertThat(send("POST", member(LIST_NEWSLETTER, JAN) + "/actions/delete-permanent").statusCode()).isEqualTo(404);
        assertThat(sim.memberStatus(LIST_CUSTOMERS, JAN.email())).isEqualTo("subscribed");   // other audience untouched
    }

    @Test
    void listsCanBeFilteredByEmail() {
        JsonNode lists = json(send("GET", "/lists?email=" + URLEncoder.encode(JAN.email(), StandardCharsets.UTF_8)));

        List<String> ids = new ArrayList<>();
        lists.path("lists").forEach(l -> ids.add(l.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(LIST_NEWSLETTER, LIST_CUSTOMERS);
        assertThat(json(send("GET", "/lists")).path("total_items").asInt()).isEqualTo(3);
    }

    @Test
    void searchMembersSeparatesExactMatchesFromSubstringMatches() {
        JsonNode r = json(send("GET", "/search-members?query=" + URLEncoder.encode(JAN.email(), StandardCharsets.UTF_8)));

        List<String> exact = new ArrayList<>();
        r.path("exact_matches").path("members").forEach(m -> exact.add(m.path("email_address").asText()));
        List<String> full = new ArrayList<>();
        r.path("full_search").path("members").forEach(m -> full.add(m.path("email_address").asText()));
        assertThat(exact).containsOnly(JAN.email()).hasSize(2);   // one per audience
        assertThat(full).contains(MARJAN.email());
    }

    @Test
    void wrongApiKeyIs401ProblemJson() {
        HttpResponse<String> r = TestHttp.send("GET", sim.baseUrl() + "/lists", TestHttp.basic("any", "nope-us21"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(TestHttp.contentType(r)).startsWith("application/problem+json");
        assertThat(json(r).path("title").asText()).isEqualTo("API Key Invalid");
    }

    @Test
    void failNextGivesProblemJsonWithThatStatus() {
        sim.failNext(1, 500);

        HttpResponse<String> r = send("GET", member(LIST_NEWSLETTER, EVA));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(TestHttp.contentType(r)).startsWith("application/problem+json");
        assertThat(send("GET", member(LIST_NEWSLETTER, EVA)).statusCode()).isEqualTo(200);
    }

    @Test
    void eleventhConcurrentRequestGets429() {
        sim.latency(Duration.ofSeconds(3));
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, 10)
                .mapToObj(i -> TestHttp.sendAsync("GET", sim.baseUrl() + "/lists", auth)).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.inFlight() == 10);

        HttpResponse<String> eleventh = send("GET", "/lists");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(TestHttp.contentType(eleventh)).startsWith("application/problem+json");
        assertThat(json(eleventh).path("title").asText()).isEqualTo("Too Many Requests");
        assertThat(held).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        sim.latency(Duration.ZERO);
        assertThat(send("GET", "/lists").statusCode()).isEqualTo(200);
    }
}
