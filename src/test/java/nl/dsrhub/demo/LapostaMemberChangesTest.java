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

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LOTTE;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static nl.dsrhub.demo.LapostaSimulator.API_KEY;
import static nl.dsrhub.demo.LapostaSimulator.LIST_NEWSLETTER;
import static nl.dsrhub.demo.LapostaSimulator.LIST_PANEL;
import static org.assertj.core.api.Assertions.assertThat;

/** Changing and adding Laposta members (form-encoded), each seen through a later GET over real HTTP. */
class LapostaMemberChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_EMAIL = "jan.jansen@example.com";
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

    private HttpResponse<String> post(String path, String... form) {
        return TestHttp.sendForm("POST", laposta.baseUrl() + path, auth, form);
    }

    private JsonNode get(String emailOrId, String listId) {
        return json(TestHttp.send("GET", laposta.baseUrl() + "/member/" + URLEncoder.encode(emailOrId, StandardCharsets.UTF_8)
                + "?list_id=" + listId, auth)).path("member");
    }

    private static String member(String emailOrId) {
        return "/member/" + URLEncoder.encode(emailOrId, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMemberIsChangedByEmailAndKeepsItsIdAndWhatWasNotSent() {
        String id = LapostaSimulator.memberId(LIST_NEWSLETTER, JAN.email());

        HttpResponse<String> r = post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "email", NEW_EMAIL,
                "custom_fields[achternaam]", "Jansen-de Boer");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/member/email").asText()).isEqualTo(NEW_EMAIL);
        JsonNode after = get(id, LIST_NEWSLETTER);
        assertThat(after.path("email").asText()).isEqualTo(NEW_EMAIL);
        assertThat(after.at("/custom_fields/achternaam").asText()).isEqualTo("Jansen-de Boer");
        assertThat(after.at("/custom_fields/voornaam").asText()).isEqualTo("Jan");
        assertThat(after.path("state").asText()).isEqualTo("active");
        assertThat(laposta.memberExists(LIST_NEWSLETTER, JAN.email())).isFalse();
        assertThat(get(JAN.email(), LIST_PANEL).path("email").asText()).isEqualTo(JAN.email());   // per list
    }

    @Test
    void unsubscribingKeepsTheMemberInTheListAsUnsubscribed() {
        HttpResponse<String> r = post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "state", "unsubscribed");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(get(JAN.email(), LIST_NEWSLETTER).path("state").asText()).isEqualTo("unsubscribed");
        List<String> active = new ArrayList<>();
        json(TestHttp.send("GET", laposta.baseUrl() + "/member?list_id=" + LIST_NEWSLETTER + "&state=active", auth))
                .path("data").forEach(d -> active.add(d.at("/member/email").asText()));
        assertThat(active).doesNotContain(JAN.email()).contains(ANNA.email());
    }

    @Test
    void aNewAddressThatIsAlreadyInTheListIsRefusedWithCode204() {
        HttpResponse<String> r = post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "email", ANNA.email());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asInt()).isEqualTo(204);
        assertThat(json(r).at("/error/member_id").asText()).isEqualTo(LapostaSimulator.memberId(LIST_NEWSLETTER, ANNA.email()));
        assertThat(get(JAN.email(), LIST_NEWSLETTER).path("email").asText()).isEqualTo(JAN.email());
    }

    @Test
    void theListIdMustBeInTheBodyAndKnown() {
        HttpResponse<String> missing = TestHttp.sendForm("POST",
                laposta.baseUrl() + member(JAN.email()) + "?list_id=" + LIST_NEWSLETTER, auth, "state", "unsubscribed");
        HttpResponse<String> unknown = post(member(JAN.email()), "list_id", "nolist1234", "state", "unsubscribed");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asInt()).isEqualTo(201);
        assertThat(json(missing).at("/error/parameter").asText()).isEqualTo("list_id");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/code").asInt()).isEqualTo(203);
        assertThat(get(JAN.email(), LIST_NEWSLETTER).path("state").asText()).isEqualTo("active");
    }

    @Test
    void anUnknownMemberStateOrFieldIsRefused() {
        assertThat(post(member(SANNE.email()), "list_id", LIST_NEWSLETTER, "state", "unsubscribed").statusCode())
                .isEqualTo(400);
        HttpResponse<String> state = post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "state", "deleted");
        HttpResponse<String> field = post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "custom_fields[telefoon]", "06");

        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(json(state).at("/error/code").asInt()).isEqualTo(202);
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(get(JAN.email(), LIST_NEWSLETTER).path("state").asText()).isEqualTo("active");
    }

    @Test
    void addingAnAddressThatIsInTheListWithoutUpsertIsRefusedWithCode204() {
        HttpResponse<String> r = post("/member", "list_id", LIST_NEWSLETTER, "email", LOTTE.email(), "ip", "192.0.2.7");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asInt()).isEqualTo(204);
        assertThat(get(LOTTE.email(), LIST_NEWSLETTER).path("state").asText()).isEqualTo("unsubscribed");
    }

    @Test
    void anImportWithUpsertReactivatesAnUnsubscribedMember() {
        HttpResponse<String> r = post("/member", "list_id", LIST_NEWSLETTER, "email", LOTTE.email(), "ip", "192.0.2.7",
                "source_url", "https://shop.example.nl/import", "options[upsert]", "true");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(get(LOTTE.email(), LIST_NEWSLETTER).path("state").asText()).isEqualTo("active");
    }

    @Test
    void suppressReactivationKeepsAnUnsubscribedMemberUnsubscribed() {
        HttpResponse<String> r = post("/member", "list_id", LIST_NEWSLETTER, "email", LOTTE.email(), "ip", "192.0.2.7",
                "options[upsert]", "true", "options[suppress_reactivation]", "true", "custom_fields[voornaam]", "L.");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode after = get(LOTTE.email(), LIST_NEWSLETTER);
        assertThat(after.path("state").asText()).isEqualTo("unsubscribed");
        assertThat(after.at("/custom_fields/voornaam").asText()).isEqualTo("L.");
    }

    @Test
    void addingANewAddressCreatesAnActiveMember() {
        HttpResponse<String> r = post("/member", "list_id", LIST_PANEL, "email", SANNE.email(), "ip", "192.0.2.9",
                "custom_fields[voornaam]", "Sanne", "custom_fields[achternaam]", "Smit");

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode added = get(SANNE.email(), LIST_PANEL);
        assertThat(added.path("state").asText()).isEqualTo("active");
        assertThat(added.path("ip").asText()).isEqualTo("192.0.2.9");
        assertThat(added.at("/custom_fields/achternaam").asText()).isEqualTo("Smit");
        assertThat(post("/member", "list_id", LIST_PANEL, "email", "x@example.com").statusCode()).isEqualTo(400);   // no ip
    }

    @Test
    void everyChangeIsRecordedWithItsFormBody() {
        post(member(JAN.email()), "list_id", LIST_NEWSLETTER, "state", "unsubscribed");

        List<RecordedCall> posts = laposta.callsMatching("POST", "/v2/member/.*");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).requestBody()).isEqualTo("list_id=" + LIST_NEWSLETTER + "&state=unsubscribed");
        assertThat(posts.get(0).requestHeader("content-type")).isEqualTo("application/x-www-form-urlencoded");
    }
}
