package nl.dsrhub.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LOTTE;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static nl.dsrhub.demo.LapostaSimulator.API_KEY;
import static nl.dsrhub.demo.LapostaSimulator.LIST_NEWSLETTER;
import static nl.dsrhub.demo.LapostaSimulator.LIST_PANEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LapostaSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LapostaSimulator laposta;
    private String auth;

    @BeforeEach
    void start() {
        laposta = new LapostaSimulator(API_KEY).start().seedDemoPeople();
        auth = TestHttp.basic(API_KEY, "");
    }

    @AfterEach
    void stop() {
        laposta.stop();
    }

    private HttpResponse<String> get(String path) {
        return TestHttp.send("GET", laposta.baseUrl() + path, auth);
    }

    private HttpResponse<String> delete(String path) {
        return TestHttp.send("DELETE", laposta.baseUrl() + path, auth);
    }

    private static String member(String emailOrId, String listId) {
        return "/member/" + URLEncoder.encode(emailOrId, StandardCharsets.UTF_8) + "?list_id=" + listId;
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void baseUrlEndsInV2() {
        assertThat(laposta.baseUrl()).isEqualTo("http://127.0.0.1:" + laposta.port() + "/v2");
    }

    @Test
    void memberIsFoundByEmailAddress() {
        HttpResponse<String> r = get(member(JAN.email(), LIST_NEWSLETTER));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = json(r).path("member");
        assertThat(m.path("member_id").asText()).isEqualTo(LapostaSimulator.memberId(LIST_NEWSLETTER, JAN.email()));
        assertThat(m.path("list_id").asText()).isEqualTo(LIST_NEWSLETTER);
        assertThat(m.path("email").asText()).isEqualTo(JAN.email());
        assertThat(m.path("state").asText()).isEqualTo("active");
        assertThat(m.path("signup_date").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(m.path("ip").asText()).startsWith("192.0.2.");
        assertThat(m.path("custom_fields").path("voornaam").asText()).isEqualTo("Jan");
    }

    @Test
    void memberIsFoundByMemberId() {
        String id = LapostaSimulator.memberId(LIST_PANEL, ANNA.email());

        JsonNode m = json(get(member(id, LIST_PANEL))).path("member");

        assertThat(m.path("email").asText()).isEqualTo(ANNA.email());
        assertThat(m.path("list_id").asText()).isEqualTo(LIST_PANEL);
    }

    @Test
    void unsubscribedMemberIsStillFound() {
        JsonNode m = json(get(member(LOTTE.email(), LIST_NEWSLETTER))).path("member");

        assertThat(m.path("state").asText()).isEqualTo("unsubscribed");
    }

    @Test
    void unknownMemberIs400WithCode203NotA404() {
        HttpResponse<String> r = get(member(SANNE.email(), LIST_NEWSLETTER));

        // Laposta's 404 is for a path that does not exist; an object that does not exist is a 400 with code 203
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r).path("error");
        assertThat(e.path("type").asText()).isEqualTo("invalid_input");
        assertThat(e.path("message").asText()).isEqualTo("Unknown member");
        assertThat(e.path("code").asInt()).isEqualTo(203);
        assertThat(e.path("parameter").asText()).isEqualTo("member_id");
    }

    @Test
    void emailLookupIsExactSoASubstringDoesNotMatch() {
        assertThat(get(member(MARJAN.email(), LIST_NEWSLETTER)).statusCode()).isEqualTo(400);
        assertThat(get(member("example.nl", LIST_NEWSLETTER)).statusCode()).isEqualTo(400);
    }

    @Test
    void memberInOneListIsUnknownInTheOther() {
        assertThat(get(member(EVA.email(), LIST_NEWSLETTER)).statusCode()).isEqualTo(200);
        assertThat(get(member(EVA.email(), LIST_PANEL)).statusCode()).isEqualTo(400);
    }

    @Test
    void deleteAnswersTheMemberAsDeletedAndThenItIsUnknown() {
        String id = LapostaSimulator.memberId(LIST_NEWSLETTER, JAN.email());

        HttpResponse<String> r = delete(member(id, LIST_NEWSLETTER));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("member").path("state").asText()).isEqualTo("deleted");
        assertThat(json(r).path("member").path("email").asText()).isEqualTo(JAN.email());
        assertThat(get(member(JAN.email(), LIST_NEWSLETTER)).statusCode()).isEqualTo(400);
        assertThat(delete(member(id, LIST_NEWSLETTER)).statusCode()).isEqualTo(400);
        assertThat(laposta.memberExists(LIST_NEWSLETTER, JAN.email())).isFalse();
        assertThat(laposta.memberExists(LIST_PANEL, JAN.email())).isTrue();
    }

    @Test
    void missingListIdIs400() {
        HttpResponse<String> r = get("/member/" + LapostaSimulator.memberId(LIST_NEWSLETTER, JAN.email()));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("error").path("parameter").asText()).isEqualTo("list_id");
    }

    @Test
    void listsAreWrappedInData() {
        JsonNode data = json(get("/list")).path("data");

        List<String> ids = new ArrayList<>();
        data.forEach(d -> ids.add(d.path("list").path("list_id").asText()));
        assertThat(ids).containsExactly(LIST_NEWSLETTER, LIST_PANEL);
        assertThat(data.get(0).path("list").path("name").asText()).isEqualTo("Nieuwsbrief");
        assertThat(data.get(0).path("list").path("members").path("active").asInt()).isEqualTo(3);
        assertThat(data.get(0).path("list").path("members").path("unsubscribed").asInt()).isEqualTo(1);
    }

    @Test
    void wrongApiKeyIs401() {
        HttpResponse<String> r = TestHttp.send("GET", laposta.baseUrl() + member(JAN.email(), LIST_NEWSLETTER),
                TestHttp.basic("wrong-key", ""));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").path("type").asText()).isEqualTo("invalid_request");
    }

    @Test
    void missingCredentialsAre401() {
        HttpResponse<String> r = TestHttp.send("GET", laposta.baseUrl() + "/list", null);

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void overTheRateLimitIs429WithRetryAfterInSeconds() {
        laposta.setRateLimit(3, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThat(get("/list").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> r = get("/list");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 30));
        assertThat(json(r).path("error").path("type").asText()).isNotEmpty();
    }

    @Test
    void requestsAreAdmittedAgainAfterTheWindow() {
        laposta.setRateLimit(1, Duration.ofSeconds(2));
        assertThat(get("/list").statusCode()).isEqualTo(200);
        assertThat(get("/list").statusCode()).isEqualTo(429);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/list").statusCode() == 200);
    }

    @Test
    void emailInTheMemberPathIsRedactedInTheLog() {
        Logger log = (Logger) LoggerFactory.getLogger(SimulatorServer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = log.getLevel();
        log.addAppender(appender);
        log.setLevel(Level.DEBUG);
        try {
            assertThat(get(member(JAN.email(), LIST_NEWSLETTER)).statusCode()).isEqualTo(200);
        } finally {
            log.setLevel(before);
            log.detachAppender(appender);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(l -> l.startsWith("laposta ")).toList();
        assertThat(lines).contains("laposta GET /v2/member/* -> 200");
        assertThat(String.join("\n", lines)).doesNotContain(JAN.email()).doesNotContain("example.nl");
        assertThat(SimulatorExchange.redact("/v2/member/jan@example.nl")).isEqualTo("/v2/member/*");
    }
}
