package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static nl.dsrhub.demo.EBoekhoudenSimulator.ACCESS_TOKEN;
import static nl.dsrhub.demo.EBoekhoudenSimulator.JAN_RELATION_ID;
import static nl.dsrhub.demo.EBoekhoudenSimulator.KEES_RELATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EBoekhoudenSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EBoekhoudenSimulator eb;

    @BeforeEach
    void start() {
        eb = new EBoekhoudenSimulator(ACCESS_TOKEN).start().seedDemoPeople();
    }

    @AfterEach
    void stop() {
        eb.stop();
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(eb.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return TestHttp.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> startSession(String accessToken, String source) {
        String body = JSON.createObjectNode().put("accessToken", accessToken).put("source", source).toString();
        return send("POST", "/session", null, body);
    }

    private String session() {
        HttpResponse<String> r = startSession(ACCESS_TOKEN, "dsr-hub");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).path("token").asText();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String byEmail(String email) {
        return "/relation?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    @Test
    void sessionIsStartedWithAccessTokenAndSource() {
        HttpResponse<String> r = startSession(ACCESS_TOKEN, "dsr-hub");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("token").asText()).hasSizeGreaterThan(20);
        assertThat(json(r).path("expiresIn").asInt()).isEqualTo(3600);
        assertThat(eb.activeSessions()).isEqualTo(1);
    }

    @Test
    void callsWithoutASessionAre401() {
        HttpResponse<String> r = send("GET", byEmail(JAN.email()), null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("status").asInt()).isEqualTo(401);
        assertThat(send("GET", byEmail(JAN.email()), ACCESS_TOKEN, null).statusCode())
                .as("the API access token itself is not a session token").isEqualTo(401);
    }

    @Test
    void wrongAccessTokenStartsNoSession() {
        HttpResponse<String> r = startSession("wrong", "dsr-hub");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(eb.activeSessions()).isZero();
    }

    @Test
    void sessionRequestNeedsSourceAndAccessToken() {
        HttpResponse<String> noSource = startSession(ACCESS_TOKEN, "");
        HttpResponse<String> noToken = startSession("", "dsr-hub");

        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(json(noSource).path("code").asText()).isEqualTo("API_SESSION_001");
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(json(noToken).path("code").asText()).isEqualTo("API_SESSION_003");
    }

    @Test
    void relationIsFoundByExactEmail() {
        HttpResponse<String> r = send("GET", byEmail("JAN@example.nl"), session(), null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("count").asInt()).isEqualTo(1);
        JsonNode rel = body.path("items").get(0);
        assertThat(rel.path("id").asInt()).isEqualTo(JAN_RELATION_ID);
        assertThat(rel.path("type").asText()).isEqualTo("P");
        assertThat(rel.path("name").asText()).isEqualTo("Jan Jansen");
        assertThat(rel.path("emailAddress").asText()).isEqualTo(JAN.email());
        assertThat(rel.path("postalCode").asText()).isEqualTo("1234 AB");
        assertThat(rel.path("inactive").asBoolean()).isFalse();
    }

    @Test
    void unknownEmailGivesNoItems() {
        String s = session();

        assertThat(json(send("GET", byEmail(SANNE.email()), s, null)).path("count").asInt()).isZero();
        assertThat(json(send("GET", byEmail(MARJAN.email()), s, null)).path("items")).isEmpty();
    }

    @Test
    void relationAndItsInvoicesAreReadById() {
        String s = session();

        JsonNode rel = json(send("GET", "/relation/" + JAN_RELATION_ID, s, null));
        JsonNode invoices = json(send("GET", "/invoice?relationId=" + JAN_RELATION_ID, s, null));

        assertThat(rel.path("code").asText()).isEqualTo("P0042");
        assertThat(invoices.path("count").asInt()).isEqualTo(2);
        assertThat(invoices.path("items").get(0).path("relationId").asInt()).isEqualTo(JAN_RELATION_ID);
        assertThat(invoices.path("items").get(0).path("invoiceNumber").asText()).isEqualTo("F2024-0001");
        assertThat(send("GET", "/relation/1", s, null).statusCode()).isEqualTo(404);
    }

    @Test
    void thereIsNoDelete() {
        HttpResponse<String> r = send("DELETE", "/relation/" + KEES_RELATION_ID, session(), null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(eb.relation(KEES_RELATION_ID)).isPresent();
    }

    @Test
    void minimisingClearsContactDetailsAndKeepsWhatTheBooksNeed() {
        String s = session();
        String patch = """
                {"name": "Jan Jansen", "contact": "", "emailAddress": "", "emailAddressInvoice": "",
                 "phoneNumber": "", "mobilePhoneNumber": "", "inactive": true}""";

        HttpResponse<String> r = send("PATCH", "/relation/" + JAN_RELATION_ID, s, patch);

        assertThat(r.statusCode()).isEqualTo(204);
        JsonNode rel = json(send("GET", "/relation/" + JAN_RELATION_ID, s, null));
        assertThat(rel.path("emailAddress").asText()).isEmpty();
        assertThat(rel.path("phoneNumber").asText()).isEmpty();
        assertThat(rel.path("contact").asText()).isEmpty();
        assertThat(rel.path("inactive").asBoolean()).isTrue();
        assertThat(rel.path("name").asText()).isEqualTo("Jan Jansen");
        assertThat(rel.path("address").asText()).isEqualTo("Voorbeeldstraat 12");
        assertThat(rel.path("postalCode").asText()).isEqualTo("1234 AB");
        assertThat(json(send("GET", byEmail(JAN.email()), s, null)).path("count").asInt()).isZero();
        assertThat(eb.invoiceIds(JAN_RELATION_ID)).hasSize(2);
    }

    @Test
    void aRectifiedRelationIsSeenByALaterGetAndFoundByItsNewAddress() {
        String s = session();
        String invoicesBefore = send("GET", "/invoice?relationId=" + JAN_RELATION_ID, s, null).body();
        String patch = """
                {"name": "Jan Jansen", "address": "Nieuwe Gracht 3", "postalCode": "3512 AB", "city": "Utrecht",
                 "emailAddress": "jan.jansen@example.com", "emailAddressInvoice": "jan.jansen@example.com",
                 "phoneNumber": "+31600000099"}""";

        assertThat(send("PATCH", "/relation/" + JAN_RELATION_ID, s, patch).statusCode()).isEqualTo(204);

        JsonNode rel = json(send("GET", "/relation/" + JAN_RELATION_ID, s, null));
        assertThat(rel.path("address").asText()).isEqualTo("Nieuwe Gracht 3");
        assertThat(rel.path("city").asText()).isEqualTo("Utrecht");
        assertThat(rel.path("emailAddress").asText()).isEqualTo("jan.jansen@example.com");
        assertThat(rel.path("phoneNumber").asText()).isEqualTo("+31600000099");
        assertThat(rel.path("inactive").asBoolean()).isFalse();
        assertThat(json(send("GET", byEmail("jan.jansen@example.com"), s, null)).path("count").asInt()).isEqualTo(1);
        assertThat(json(send("GET", byEmail(JAN.email()), s, null)).path("count").asInt()).isZero();
        assertThat(send("GET", "/invoice?relationId=" + JAN_RELATION_ID, s, null).body()).isEqualTo(invoicesBefore);
        assertThat(eb.callsMatching("PATCH", "/v1/relation/" + JAN_RELATION_ID)).singleElement()
                .satisfies(c -> assertThat(c.requestBody()).contains("Nieuwe Gracht 3"));
    }

    @Test
    void patchWithoutNameIsRefused() {
        HttpResponse<String> r = send("PATCH", "/relation/" + JAN_RELATION_ID, session(), "{\"emailAddress\": \"\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(eb.relation(JAN_RELATION_ID).orElseThrow().path("emailAddress").asText()).isEqualTo(JAN.email());
    }

    @Test
    void patchWithAnUnknownFieldIsRefused() {
        HttpResponse<String> r = send("PATCH", "/relation/" + JAN_RELATION_ID, session(),
                "{\"name\": \"Jan Jansen\", \"deleted\": true}");

        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void endedSessionIs401() {
        String s = session();
        assertThat(send("DELETE", "/session", s, null).statusCode()).isEqualTo(204);

        assertThat(send("GET", byEmail(JAN.email()), s, null).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredSessionIs401() {
        eb.setSessionTtl(Duration.ofMillis(1500));
        String s = session();
        assertThat(send("GET", byEmail(JAN.email()), s, null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> send("GET", byEmail(JAN.email()), s, null).statusCode() == 401);
    }

    @Test
    void sessionsExpiredByTheTestAre401() {
        String s = session();
        eb.expireAllSessions();

        assertThat(send("GET", "/relation/" + JAN_RELATION_ID, s, null).statusCode()).isEqualTo(401);
    }

    @Test
    void bearerPrefixIsTolerated() {
        assertThat(send("GET", byEmail(JAN.email()), "Bearer " + session(), null).statusCode()).isEqualTo(200);
    }
}
