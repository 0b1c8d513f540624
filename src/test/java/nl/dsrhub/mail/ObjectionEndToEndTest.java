package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.DemoPeople.Person;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Officer;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objections (art. 21), end to end through the inbox, the database, real HTTP to the simulators and SMTP: to direct
 * marketing, carried out where marketing is sent from and kept in the suppression register, which catches a later
 * re-subscription; on grounds of a particular situation, held for the officer, then upheld (an erasure) or refused
 * (the letter, and no processor asked anything).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectionEndToEndTest {

    static final String GROUNDS = "Ik word door een ex-partner gevolgd en wil niet dat mijn gegevens nog worden gebruikt.";
    static final String REFUSAL = "Wij hebben de gegevens nodig voor de lopende incassoprocedure over uw openstaande factuur.";

    MailServer mail;
    HubFixture fixture;
    Officer officer;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir);
        mail.settings().forEach(fixture::set);
        Map.of("dsr.delivery.enabled", "true", "dsr.delivery.refusal-check-seconds", "1",
                "dsr.suppression.check-seconds", "1").forEach(fixture::set);
        fixture.startHub();
        officer = new Officer(fixture);
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aMarketingObjectionUnsubscribesWhereMarketingIsSentFromAndPutsTheAddressInTheRegister() {
        Person jan = DemoPeople.JAN;
        String id = object(jan, "direct-marketing", null);
        fixture.awaitCompleted(id);

        // only where marketing is sent from: not the shop (no newsletter plugin), nor payments, books or parcels
        assertThat(officer.tasks(id)).extracting(TaskRow::connector).containsExactlyInAnyOrder("mailchimp", "laposta");
        assertThat(officer.tasks(id)).extracting(TaskRow::outcome).containsOnly(Outcome.OPTED_OUT);
        for (String list : jan.mailchimpListIds()) {
            assertThat(fixture.mailchimp.callsMatching("PATCH", ".*/lists/" + list + "/members/" + jan.subscriberHash()))
                    .extracting(RecordedCall::requestBody).containsExactly("{\"status\":\"unsubscribed\"}");
        }
        assertThat(fixture.mailchimp.callsMatching("DELETE", ".*" + jan.subscriberHash() + ".*")).isEmpty();
        assertThat(fixture.mailchimp.callsMatching("POST", ".*" + jan.subscriberHash() + ".*")).isEmpty();
        assertThat(fixture.simulators.laposta.callsMatching("POST", ".*/member/" + Pattern.quote(jan.email())))
                .extracting(RecordedCall::requestBody).containsExactlyInAnyOrder(
                        "list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&state=unsubscribed",
                        "list_id=" + LapostaSimulator.LIST_PANEL + "&state=unsubscribed");
        assertThat(fixture.woo.callsMatching("PUT", ".*")).isEmpty();
        assertThat(register().entry(jan.email())).hasValueSatisfying(e -> assertThat(e.requestId()).isEqualTo(id));
        nl.dsrhub.demo.MailchimpContract.assertConforms(fixture.mailchimp.calls());
    }

    @Test
    void anAddressThatObjectedAndIsImportedAgainIsCaughtByTheSuppressionRegister() throws Exception {
        Person eva = DemoPeople.EVA;
        String id = object(eva, "direct-marketing", null);
        fixture.awaitCompleted(id);

        // the shop's next import subscribes her again (Laposta's upsert re-activates an unsubscribed member)
        assertThat(lapostaImport(eva.email(), LapostaSimulator.LIST_NEWSLETTER)).isEqualTo(200);

        SuppressionRegister.Finding found = await().atMost(Duration.ofSeconds(30)).until(() -> register().openFindings().stream()
                .filter(f -> f.requestId().equals(id)).findFirst().orElse(null), f -> f != null);
        assertThat(found.connector()).isEqualTo("laposta");
        assertThat(found.list()).isEqualTo(LapostaSimulator.LIST_NEWSLETTER);
    }

    @Test
    void anObjectionOnGroundsOfAParticularSituationIsHeldUntilTheOfficerUpholdsItThenErased() throws Exception {
        Person anna = DemoPeople.ANNA;
        String id = object(anna, "particular-situation", GROUNDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> officer.status(id).equals(RequestStore.AWAITING_DECISION));

        assertThat(officer.run("status", id)).isZero();
        assertThat(officer.out.toString(UTF_8)).contains(RequestStore.AWAITING_DECISION, GROUNDS, "uphold " + id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> officer.tasks(id).isEmpty()
                && callsAbout(anna).isEmpty());

        assertThat(officer.run("uphold", id)).as(() -> officer.err.toString(UTF_8)).isZero();
        String erasure = officer.out.toString(UTF_8).replaceAll("(?s).*erasure request (\\S+) .*", "$1");
        fixture.awaitCompleted(erasure);

        assertThat(officer.status(id)).isEqualTo(RequestStore.COMPLETED);
        assertThat(fixture.requests().row(erasure).orElseThrow().dueDate()).isEqualTo(fixture.requests().row(id).orElseThrow().dueDate());
        for (String list : anna.mailchimpListIds()) {
            assertThat(fixture.mailchimp.callsMatching("POST", ".*/lists/" + list + "/members/" + anna.subscriberHash()
                    + "/actions/delete-permanent")).hasSize(1);
        }
        assertThat(fixture.woo.callsMatching("DELETE", ".*/customers/" + anna.wooCustomerId())).hasSize(1);
        assertThat(callsAbout(anna)).as("the calls about her are seen, once there are any").isNotEmpty();
        // she asked for no erasure: the receipt and the confirmation say her objection, upheld, is why her data go
        assertThat(Files.readString(fixture.outbox(erasure).resolve("receipt.json"))).contains("Wij hebben uw bezwaar"
                + " toegewezen", "We upheld your objection", id).doesNotContain("uw verzoek om gegevenswissing");
        assertThat(Confirmation.text(Files.readString(fixture.outbox(erasure).resolve("confirmation.html"))))
                .contains("Wij hebben uw bezwaar toegewezen", "We therefore erase your data (article 17(1)(c) GDPR)", id)
                .doesNotContain(GROUNDS);
    }

    @Test
    void anObjectionOnGroundsOfAParticularSituationRefusedGetsTheLetterAndNoProcessorIsAsked() throws Exception {
        Person kees = DemoPeople.KEES;
        String id = object(kees, "particular-situation", GROUNDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> officer.status(id).equals(RequestStore.AWAITING_DECISION));

        JsonNode refused = officer.post("api/requests/" + id + "/refuse", "{\"ground\": \"compelling\", \"reason\": \""
                + REFUSAL + "\"}");

        assertThat(refused.path("status").asText()).as(refused::toString).isEqualTo(RequestStore.REFUSED);
        String letter = Confirmation.text(Files.readString(fixture.outbox(id).resolve(Refusal.LETTER)));
        assertThat(letter).contains("dwingende gerechtvaardigde gronden", "compelling legitimate grounds", REFUSAL,
                "Autoriteit Persoonsgegevens", "recht van bezwaar, artikel 21 AVG");
        assertThat(Mails.awaitTo(mail, kees.email(), 1)).anySatisfy(m ->
                assertThat(Mails.attachments(m)).containsKey(Refusal.LETTER));
        assertThat(officer.tasks(id)).isEmpty();
        assertThat(callsAbout(kees)).isEmpty();
    }

    @Test
    void theDashboardShowsTheGroundsAndUpholdsTheObjection() throws Exception {
        Person daan = DemoPeople.DAAN;
        String id = object(daan, "particular-situation", GROUNDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> officer.status(id).equals(RequestStore.AWAITING_DECISION));
        String cookie = logIn();

        String page = dashboard(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "requests/" + id)).header("Cookie", cookie)
                .GET()).body();
        assertThat(page).contains("id=\"decision\"", "id=\"uphold-form\"", "Ik word door een ex-partner gevolgd",
                "<option value=\"compelling\">");
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> upheld = dashboard(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "requests/" + id + "/uphold"))
                .header("Cookie", cookie).header("Origin", origin()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)));

        assertThat(upheld.statusCode()).isEqualTo(303);
        assertThat(java.net.URLDecoder.decode(upheld.headers().firstValue("Location").orElseThrow(), UTF_8))
                .contains("objection upheld: carried out as erasure request");
        assertThat(officer.status(id)).isEqualTo(RequestStore.COMPLETED);
        assertThat(fixture.requests().all()).anyMatch(r -> ("upheld objection " + id).equals(r.source()));
    }

    private String logIn() throws Exception {
        HttpResponse<String> answer = dashboard(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())));
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private String origin() {
        return "http://127.0.0.1:" + URI.create(fixture.baseUrl()).getPort();
    }

    private static HttpResponse<String> dashboard(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String object(Person p, String kind, String grounds) {
        String reference = "E2E-OBJECT-" + p.firstName().toUpperCase();
        fixture.drop(reference.toLowerCase() + ".json", RightsRequests.objectionFile(p.email(), reference, kind, grounds));
        return fixture.awaitRequest(reference);
    }

    /** Every call any simulator saw that names the person: their address, subscriber hash or shop customer id. */
    private List<RecordedCall> callsAbout(Person p) {
        String address = Pattern.quote(p.email());
        String encoded = Pattern.quote(java.net.URLEncoder.encode(p.email(), UTF_8));
        return fixture.simulators.all().stream().flatMap(s -> s.calls().stream())
                .filter(c -> (c.path() + "?" + c.rawQuery()).matches(".*(" + address + "|" + encoded + "|" + p.subscriberHash()
                        + "|/customers/" + p.wooCustomerId() + "\\b).*")).toList();
    }

    /** A shop's import at Laposta that subscribes the address again: add with upsert. */
    private int lapostaImport(String email, String list) throws Exception {
        String form = "list_id=" + list + "&email=" + java.net.URLEncoder.encode(email, UTF_8) + "&ip=192.0.2.7&options%5Bupsert%5D=true";
        HttpRequest r = HttpRequest.newBuilder(URI.create(fixture.simulators.laposta.baseUrl() + "/member"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((LapostaSimulator.API_KEY + ":").getBytes(UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private SuppressionRegister register() {
        return fixture.hub().services().suppression;
    }
}
