package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request refused by the officer (GDPR art. 12(4)) on a real hub, over real HTTP, SMTP and IMAP: refused on each
 * ground by the command line beside the running hub and through the API, after processors were asked (the shop
 * refused the hub's key, Mollie waited for the shop's ids, Pay.nl was written to). Each reads what came out: the
 * letter's text, the mails received, the stored tasks, the calls the simulators saw, the register and the metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REASON = "Het verzoek kwam van een adres dat niet bij ons bekend is en de kopie van het legitimatiebewijs"
            + " paste niet bij het account.";

    MailServer mail;
    HubFixture fixture;
    final MovableClock clock = new MovableClock();
    final AtomicInteger people = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir).clock(clock);
        mail.settings().forEach(fixture::set);
        Map.of("dsr.connector.paynl.enabled", "true", "dsr.connector.paynl.privacy-contact", PAYNL,
                "dsr.delivery.enabled", "true", "dsr.delivery.refusal-check-seconds", "1", "dsr.purge.check-seconds", "1",
                "dsr.retry.base-seconds", "3600").forEach(fixture::set);
        // the shop refuses the hub's key: its task needs the officer, and Mollie waits for the shop's ids
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.startHub();
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({"unverifiable, cli", "unverifiable, api", "unfounded, cli", "unfounded, api", "excessive, cli", "excessive, api"})
    void eachGroundGivesTheSubjectALetterWithTheReasonsAndBothRemedies(String ground, String via) throws Exception {
        String id = askedEverywhere();

        String said = "cli".equals(via) ? refuseByCommand(id, ground) : refuseByApi(id, ground).toString();

        assertThat(said).contains(ground, Refusal.LETTER, fixture.requests().row(id).orElseThrow().dueDate().toString());
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.REFUSED);
        String letter = Confirmation.text(Files.readString(fixture.outbox(id).resolve(Refusal.LETTER)));
        assertThat(letter).contains("Wij voeren uw verzoek niet uit", "We will not carry out your request",
                "recht op gegevenswissing, artikel 17 AVG", "right to erasure, article 17 GDPR", "Toelichting: " + REASON);
        assertThat(letter).contains(switch (ground) {
            case "unverifiable" -> "Wij kunnen niet vaststellen dat u de persoon bent";
            case "unfounded" -> "Uw verzoek is kennelijk ongegrond (artikel 12, lid 5, onder b AVG)";
            default -> "Uw verzoek is buitensporig, in het bijzonder omdat het herhaaldelijk is gedaan";
        }, switch (ground) {
            case "unverifiable" -> "We cannot establish that you are the person the data are about";
            case "unfounded" -> "Your request is manifestly unfounded (article 12(5)(b) GDPR)";
            default -> "Your request is excessive, in particular because of its repetitive character";
        });
        // both remedies, in both languages, with the six weeks of art. 35 UAVG
        assertThat(letter).contains("een klacht indienen bij de Autoriteit Persoonsgegevens", "(artikel 77 AVG)",
                "naar de rechter gaan (artikel 79 AVG)", "binnen zes weken nadat u dit antwoord heeft ontvangen",
                "(artikel 35 van de Uitvoeringswet AVG)");
        assertThat(letter).contains("lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens",
                "go to court (article 79 GDPR)", "within six weeks after you received this answer", "article 35 of the Dutch GDPR"
                + " Implementation Act, UAVG");
        assertThat(letter).contains("Wij hadden PAY. (TinTel B.V.) al per e-mail om uw gegevens gevraagd");
    }

    @Test
    void aRefusedRequestAsksNoProcessorAnythingMore() throws Exception {
        String id = askedEverywhere();
        int shopCalls = fixture.woo.calls().size();

        refuseByApi(id, "unfounded");

        assertThat(fixture.hub().services().tasks.forRequest(id)).extracting(TaskStore.TaskRow::outcome)
                .containsOnly(Outcome.REFUSED);
        assertThat(task(id, "mollie").notifiedAt()).isNull();
        assertThat(api("POST", "api/requests/" + id + "/retry", null).path("queued").asInt()).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> fixture.woo.calls().size() == shopCalls && task(id, "woocommerce").outcome() == Outcome.REFUSED);
        assertThat(fixture.simulators.mollie.calls()).isEmpty();
    }

    @Test
    void aProcessorAskedByLetterIsToldTheRequestIsWithdrawn() throws Exception {
        String id = askedEverywhere();
        String token = letterToken(id);

        refuseByApi(id, "excessive");

        MimeMessage withdrawal = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream()
                .filter(m -> Mails.subject(m).equals("Ingetrokken / Withdrawn: AVG/GDPR [" + token + "]")).findFirst()
                .orElse(null), m -> m != null);
        assertThat(Mails.text(withdrawal)).contains("Dat verzoek trekken wij in: wij voeren het niet uit",
                "We withdraw that request: we will not carry it out", "Testwinkel B.V.").doesNotContain(person(id));
        assertThat(task(id, "paynl").detail()).contains(Refusal.TOLD);
    }

    @Test
    void theLetterIsMailedToTheSubjectWhenDeliveryIsOn() throws Exception {
        String id = askedEverywhere();

        refuseByApi(id, "unverifiable");

        MimeMessage mailed = Mails.awaitTo(mail, person(id), 1).get(0);
        assertThat(Mails.subject(mailed)).isEqualTo("Ons besluit op uw verzoek / Our decision on your request");
        assertThat(Mails.text(mailed)).contains("waarom wij het niet uitvoeren", "why we will not carry it out");
        assertThat(Mails.attachments(mailed).get(Refusal.LETTER))
                .isEqualTo(Files.readAllBytes(fixture.outbox(id).resolve(Refusal.LETTER)));
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger().entries(id).stream().anyMatch(e -> e.kind().equals("refusal-notified")));
    }

    @Test
    void theRegisterAndTheMetricsKeepTheGroundButNeverTheReasons() throws Exception {
        String id = askedEverywhere();
        double before = metric("dsr_refusals{ground=\"unfounded\"}");

        refuseByApi(id, "unfounded");

        assertThat(ledger().entries(id)).filteredOn(e -> e.kind().equals("refused")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("unfounded"));
        assertThat(ledger().entries(id)).noneMatch(e -> String.valueOf(e.detail()).contains("legitimatiebewijs"));
        assertThat(ledger().verify().ok()).isTrue();
        // the metrics are a snapshot of at most a second ago
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dsr_refusals{ground=\"unfounded\"}") == before + 1);
        assertThat(metric("dsr_requests{status=\"REFUSED\",type=\"erasure\"}")).isPositive();
    }

    @Test
    void aRefusalNeedsAGroundAndAReasonAndAnOpenRequest() throws Exception {
        String id = askedEverywhere();

        assertThat(refuseStatus(id, "{\"ground\": \"rude\", \"reason\": \"x\"}")).isEqualTo(409);
        assertThat(lastError).isEqualTo("the ground must be unverifiable, unfounded, excessive or (an objection on grounds of a particular"
                + " situation) compelling (GDPR art. 11(2), 12(2), 12(5), 21(1))");
        assertThat(refuseStatus(id, "{\"ground\": \"unfounded\"}")).isEqualTo(409);
        assertThat(lastError).startsWith("a reason is required to refuse a request");
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.PLANNED);
        refuseByApi(id, "unfounded");
        assertThat(refuseStatus(id, "{\"ground\": \"unfounded\", \"reason\": \"again\"}")).isEqualTo(409);
        assertThat(lastError).isEqualTo("request " + id + " is already refused");
        assertThat(run("refuse", id, "--ground", "unfounded")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("--reason is required");
    }

    @Test
    void aRefusedRequestIsPurgedLikeACompletedOneAndKeepsItsGround() throws Exception {
        String id = askedEverywhere();
        refuseByApi(id, "excessive");
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger().entries(id).stream().anyMatch(e -> e.kind().equals("refusal-notified")));

        clock.advance(Duration.ofDays(31));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.requests().row(id).orElseThrow().status().equals(RequestStore.REFUSED)
                && ledger().entries(id).stream().anyMatch(e -> e.kind().equals("purged"))
                && !java.nio.file.Files.exists(fixture.outbox(id)));
        // and no refusal letter written again after the purge
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !java.nio.file.Files.exists(fixture.outbox(id)));
        assertThat(fixture.hub().services().jdbc.queryOne("SELECT refusal_ground, refusal_reason FROM dsr_request WHERE id = ?",
                rs -> rs.getString(1) + "|" + rs.getString(2), id)).contains("excessive|null");
    }

    // ---- helpers

    String lastError;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * An erasure for a new invented person, once every processor was asked what it could be: the shop refused the key
     * (needs attention), Mollie waits for the shop's ids, Pay.nl got a letter.
     */
    private String askedEverywhere() {
        String reference = "REFUSE-" + people.incrementAndGet();
        String email = "geweigerd." + people.get() + "@example.nl";
        String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10));
        fixture.drop(reference + ".json", """
                { "type": "erasure", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Gerda Geweigerd" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "delivery": { "email": "%s" },
                  "processors": ["woocommerce", "mollie", "paynl"], "reference": "%s" }
                """.formatted(at, email, at, email, reference));
        String id = fixture.awaitRequest(reference);
        // the tasks appear once the request is planned: until then there is no task to read
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class)
                .until(() -> task(id, "woocommerce").outcome() == Outcome.NEEDS_ATTENTION
                && task(id, "paynl").outcome() == Outcome.AWAITING_REPLY);
        letterToken(id);
        return id;
    }

    private String refuseByCommand(String id, String ground) {
        out.reset();
        err.reset();
        assertThat(run("refuse", id, "--ground", ground, "--reason", REASON)).as(() -> err.toString(UTF_8)).isZero();
        return out.toString(UTF_8);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
                fixture.dataDir.toString())).toArray(String[]::new);
        return new DsrHub(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8)).execute(all);
    }

    private JsonNode refuseByApi(String id, String ground) throws Exception {
        JsonNode answer = api("POST", "api/requests/" + id + "/refuse",
                JSON.createObjectNode().put("ground", ground).put("reason", REASON).toString());
        assertThat(answer.path("status").asText()).as(answer::toString).isEqualTo(RequestStore.REFUSED);
        return answer;
    }

    private int refuseStatus(String id, String body) throws Exception {
        HttpResponse<String> r = send("POST", "api/requests/" + id + "/refuse", body);
        lastError = JSON.readTree(r.body()).path("error").asText(null);
        return r.statusCode();
    }

    private JsonNode api(String method, String path, String body) throws Exception {
        return JSON.readTree(send(method, path, body).body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String series) throws Exception {
        String text = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "observe/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in the metrics"));
    }

    private String letterToken(String id) {
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        String token = await().atMost(Duration.ofSeconds(30)).until(() -> store.letterOfTask(task(id, "paynl").id())
                .map(MailStore.Letter::token).orElse(null), t -> t != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream().anyMatch(m -> Mails.subject(m).contains(token)));
        return token;
    }

    private String person(String id) {
        return fixture.requests().get(id).subject().email();
    }

    private TaskStore.TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream().filter(t -> t.connector().equals(connector))
                .findFirst().orElseThrow();
    }

    private Ledger ledger() {
        return fixture.hub().services().ledger;
    }
}
