package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.lingala.zip4j.ZipFile;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.ops.InterimAnswers;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Art. 12(3) interim answers from a real hub over real SMTP and IMAP: a request a processor leaves unanswered is
 * answered so far {@code dsr.interim.days-before-deadline} days before its deadline (the hub's clock moved on),
 * mailed to the subject with delivery on and recorded in the ledger (kept after the purge); the complete answer
 * follows when the last processor answers. Without a delivery address the officer is told to pass it on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterimAnswersTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String POSTNL = "privacy@postnl.example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    MailServer mail;
    HubFixture fixture;
    final MovableClock clock = new MovableClock();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir).clock(clock);
        mail.settings().forEach(fixture::set);
        Map.of("dsr.connector.paynl.enabled", "true", "dsr.connector.paynl.privacy-contact", PAYNL,
                "dsr.connector.postnl.enabled", "true", "dsr.connector.postnl.privacy-contact", POSTNL,
                "dsr.delivery.enabled", "true", "dsr.interim.check-seconds", "1", "dsr.interim.days-before-deadline", "3",
                "dsr.purge.check-seconds", "1").forEach(fixture::set);
        fixture.startHub();
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void anExportWithASilentProcessorIsAnsweredSoFarBeforeItsDeadlineAndCompletelyOnceItAnswers() throws Exception {
        String subject = DemoPeople.JAN.email();
        String id = submit("export", subject, true, "INTERIM-EXPORT", "woocommerce", "paynl");
        MimeMessage letter = awaitLetter(PAYNL, id);
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "woocommerce").outcome() == Outcome.EXPORTED);
        LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();

        moveToDaysBefore(due, 2);

        MimeMessage interim = Mails.awaitTo(mail, subject, 1).get(0);
        assertThat(Mails.subject(interim)).isEqualTo("Tussentijds antwoord op uw verzoek / Interim answer to your request");
        assertThat(Mails.text(interim)).contains("De uiterste datum voor ons antwoord is "
                + due.format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL"))), "complete answer");
        assertThat(Mails.attachments(interim)).containsOnlyKeys("interim-bundle-aes.zip");
        String passphrase = lastLine(fixture.outbox(id).resolve("interim/passphrase.txt"));
        assertThat(Mails.text(interim)).doesNotContain(passphrase);
        assertThat(officerMail("dsr-hub: " + id + " interim answer delivered")).contains(passphrase);
        byte[] soFar = decrypt(Mails.attachments(interim).get("interim-bundle-aes.zip"), passphrase, "interim");
        Map<String, byte[]> bundle = MailConnectorTest.unzip(soFar);
        JsonNode manifest = JSON.readTree(bundle.get("manifest.json"));
        assertThat(manifest.path("complete").asBoolean()).isFalse();
        assertThat(manifest.path("awaiting").toString()).isEqualTo("[\"paynl\"]");
        assertThat(bundle.keySet()).anyMatch(k -> k.startsWith("woocommerce/")).noneMatch(k -> k.startsWith("paynl/"));
        assertThat(new String(bundle.get("index.html"), UTF_8)).contains("Dit is een tussentijds antwoord: van PAY. (TinTel B.V.)"
                + " hebben wij nog geen antwoord", "This is an interim answer: we have no answer yet from PAY. (TinTel B.V.)");
        // the ledger proves what was sent: how, the hash of the bundle inside the encrypted attachment, the date, who was
        // open (recorded once the mails went out)
        String ledgerDetail = "mailed to the subject; bundle.zip sha256 " + sha256(soFar) + "; due " + due + "; awaiting paynl";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger().entries(id))
                .filteredOn(e -> e.kind().equals(InterimAnswers.EVENT)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(ledgerDetail)));

        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(letter), "In de bijlage de gegevens.",
                Map.of("klantgegevens.json", "{\"customer\":\"as Pay.nl holds it\"}".getBytes(UTF_8)));
        fixture.awaitCompleted(id);
        MimeMessage complete = Mails.awaitTo(mail, subject, 2).get(1);
        assertThat(Mails.subject(complete)).isEqualTo("Uw gegevens / Your data");
        String finalPassphrase = lastLine(fixture.outbox(id).resolve("passphrase.txt"));
        Map<String, byte[]> whole = MailConnectorTest.unzip(decrypt(Mails.attachments(complete).get("bundle-aes.zip"),
                finalPassphrase, "complete"));
        assertThat(JSON.readTree(whole.get("manifest.json")).path("complete").asBoolean()).isTrue();
        assertThat(whole).containsKey("paynl/klantgegevens.json");
    }

    @Test
    void anErasureWithASilentProcessorIsConfirmedSoFarBeforeItsDeadlineAndTheLedgerKeepsItAfterThePurge() throws Exception {
        String subject = "stille.koerier@example.nl";
        String id = submit("erasure", subject, true, "INTERIM-ERASURE", "paynl", "postnl");
        MimeMessage payLetter = awaitLetter(PAYNL, id);
        MimeMessage postLetter = awaitLetter(POSTNL, id);
        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(payLetter), "We have erased the account.", Map.of());
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "paynl").outcome() == Outcome.ERASED);
        LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();

        moveToDaysBefore(due, 2);

        MimeMessage interim = Mails.awaitTo(mail, subject, 1).get(0);
        assertThat(Mails.subject(interim)).isEqualTo("Tussentijds antwoord op uw verzoek / Interim answer to your request");
        Map<String, byte[]> attached = Mails.attachments(interim);
        assertThat(attached).containsOnlyKeys("interim-confirmation.html", "interim-confirmation.json");
        JsonNode soFar = JSON.readTree(attached.get("interim-confirmation.json"));
        assertThat(soFar.path("complete").asBoolean()).isFalse();
        assertThat(soFar.path("deadline").asText()).isEqualTo(due.toString());
        assertThat(recipient(soFar, "postnl").path("outcome").asText()).isEqualTo("AWAITING_REPLY");
        assertThat(recipient(soFar, "paynl").path("outcome").asText()).isEqualTo("ERASED");
        assertThat(new String(attached.get("interim-confirmation.html"), UTF_8)).contains("(PostNL B.V.)",
                "Zodra die bekend is, sturen wij u de volledige bevestiging", "Once it is, we send you the complete confirmation");
        String ledgerDetail = "mailed to the subject; confirmation.json sha256 " + sha256(attached.get("interim-confirmation.json"))
                + "; due " + due + "; awaiting postnl";
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().entries(id).stream()
                .anyMatch(e -> e.kind().equals(InterimAnswers.EVENT) && e.detail().equals(ledgerDetail)));

        mail.send(POSTNL, MailServer.HUB, "Re: " + Mails.subject(postLetter), "No personal data found.", Map.of());
        fixture.awaitCompleted(id);
        MimeMessage complete = Mails.awaitTo(mail, subject, 2).get(1);
        assertThat(Mails.subject(complete)).isEqualTo("Bevestiging van wissen / Erasure confirmation");
        assertThat(JSON.readTree(Mails.attachments(complete).get("confirmation.json")).path("complete").asBoolean()).isTrue();

        // a month later the request's personal data and files are purged; the ledger's record of the interim answer stays
        clock.advance(Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id, "purged") == 1 && !java.nio.file.Files.exists(fixture.outbox(id)));
        assertThat(ledger().entries(id)).anyMatch(e -> e.kind().equals(InterimAnswers.EVENT) && e.detail().equals(ledgerDetail));
        assertThat(ledger().verify().ok()).isTrue();
    }

    @Test
    void withoutADeliveryAddressTheAnswerSoFarWaitsInTheOutboxAndTheOfficerIsToldToPassItOn() throws Exception {
        String subject = "geen.bezorgadres@example.nl";
        String id = submit("erasure", subject, false, "INTERIM-HANDOVER", "postnl");
        awaitLetter(POSTNL, id);
        LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();

        moveToDaysBefore(due, 3);

        String notice = officerMail("dsr-hub: interim " + due + " " + id);
        assertThat(notice).contains("cannot be complete by its deadline, " + due, "still open: postnl",
                "is in outbox/" + id + "/interim/: pass it on to the subject before the deadline").doesNotContain(subject);
        Path soFar = fixture.outbox(id).resolve("interim/confirmation.json");
        assertThat(JSON.readTree(soFar.toFile()).path("complete").asBoolean()).isFalse();
        String written = "written for the officer to pass on; confirmation.json sha256 " + sha256(Files.readAllBytes(soFar));
        assertThat(ledger().entries(id)).anyMatch(e -> e.kind().equals(InterimAnswers.EVENT) && e.detail().startsWith(written));
        assertThat(Mails.to(mail, subject)).isEmpty();
    }

    @Test
    void aRequestIsAnsweredSoFarOnlyWhenItsDeadlineIsNearAndOncePerDeadline() throws Exception {
        String id = submit("erasure", "eenmaal.tussentijds@example.nl", false, "INTERIM-ONCE", "postnl");
        awaitLetter(POSTNL, id);
        LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();
        InterimAnswers interim = fixture.hub().camelContext().getRegistry().lookupByNameAndType("interimAnswers", InterimAnswers.class);

        assertThat(interim.due()).doesNotContain(id);
        moveToDaysBefore(due, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id, InterimAnswers.EVENT) == 1);

        assertThat(interim.due()).doesNotContain(id);
        clock.advance(Duration.ofDays(1));
        assertThat(interim.due()).doesNotContain(id);
        assertThat(timeline(id, InterimAnswers.EVENT)).isEqualTo(1);
    }

    // ---- helpers

    /** A request received now by the hub's clock, for an invented person, to the processors named. */
    private String submit(String type, String email, boolean delivery, String reference, String... processors) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10);
        String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now);
        fixture.drop(reference + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon", "identifiers": { "postnl.barcode": "3SDSRH000900042" } },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  %s
                  "processors": ["%s"], "reference": "%s" }
                """.formatted(type, at, email, at, delivery ? "\"delivery\": { \"email\": \"" + email + "\" }," : "",
                String.join("\", \"", processors), reference));
        return fixture.awaitRequest(reference);
    }

    /** Moves the hub's clock to noon, Dutch time, this many days before the due date. */
    private void moveToDaysBefore(LocalDate due, int days) {
        OffsetDateTime target = due.minusDays(days).atTime(12, 0).atZone(Deadlines.ZONE).toOffsetDateTime();
        clock.advance(Duration.between(OffsetDateTime.now(clock), target));
    }

    private MimeMessage awaitLetter(String contact, String requestId) {
        String connector = contact.equals(PAYNL) ? "paynl" : "postnl";
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> store.letterOfTask(
                task(requestId, connector).id()).map(MailStore.Letter::token).orElse(null), t -> t != null);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, contact).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    private String officerMail(String subject) {
        return Mails.text(await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).equals(subject)).findFirst().orElse(null), m -> m != null));
    }

    private TaskStore.TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream().filter(t -> t.connector().equals(connector))
                .findFirst().orElseThrow();
    }

    private long timeline(String requestId, String kind) {
        return fixture.hub().services().events.timeline(requestId).stream().filter(e -> e.kind().equals(kind)).count();
    }

    private Ledger ledger() {
        return fixture.hub().services().ledger;
    }

    private static JsonNode recipient(JsonNode confirmation, String connector) {
        for (JsonNode r : confirmation.path("recipients")) {
            if (r.path("connector").asText().equals(connector)) {
                return r;
            }
        }
        throw new AssertionError("no recipient " + connector + " in " + confirmation);
    }

    /** The one file inside an AES-encrypted zip, opened with its passphrase. */
    private byte[] decrypt(byte[] encrypted, String passphrase, String name) throws Exception {
        Path file = Files.write(fixture.dataDir.resolveSibling(fixture.dataDir.getFileName() + "-" + name + ".zip"), encrypted);
        Path into = fixture.dataDir.resolveSibling(fixture.dataDir.getFileName() + "-" + name);
        try (ZipFile zip = new ZipFile(file.toFile(), passphrase.toCharArray())) {
            assertThat(zip.getFileHeaders()).allSatisfy(h -> assertThat(h.isEncrypted()).isTrue());
            zip.extractAll(into.toString());
        }
        return Files.readAllBytes(into.resolve("bundle.zip"));
    }

    private static String lastLine(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.get(lines.size() - 1).strip();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
