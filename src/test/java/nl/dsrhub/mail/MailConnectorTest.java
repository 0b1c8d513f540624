package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.lingala.zip4j.ZipFile;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail-only processors over real SMTP and IMAP: the formal letter with its token, replies matched by the
 * token (data into the bundle, "no data" and "erased" closing the task, anything else left to the officer),
 * and delivery of the result to the subject's verified address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailConnectorTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String POSTNL = "privacy@postnl.example.com";

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true", "dsr.connector.paynl.privacy-contact", PAYNL,
                "dsr.connector.postnl.enabled", "true", "dsr.connector.postnl.privacy-contact", POSTNL, "dsr.delivery.enabled", "true",
                "dsr.delivery.extension-check-seconds", "1"));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void repliesWithDataLandInTheBundleAndNoDataClosesTheTaskAndTheEncryptedBundleIsDelivered() throws Exception {
        String subjectAddress = "bundle.person@example.nl";
        String id = submit("export", subjectAddress, "MAIL-EXPORT", true);

        MimeMessage letter = awaitLetter(PAYNL, id);
        String token = Tokens.find(Mails.subject(letter)).orElseThrow();
        assertThat(Mails.text(letter)).contains("Geachte", "Dear Sir or Madam", "art. 15", "Art. 15", token, subjectAddress,
                fixture.requests().row(id).orElseThrow().processorDueDate().toString());
        // the letter goes out before the task's outcome is stored: the outcome is awaited, not read at once
        await().atMost(Duration.ofSeconds(10)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "paynl").outcome() == Outcome.AWAITING_REPLY);

        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(letter), "Beste,\n\nIn de bijlage de gegevens.\n\n> " + token,
                Map.of("klantgegevens.json", "{\"customer\":\"data as Pay.nl holds it\"}".getBytes(UTF_8)));
        MimeMessage postLetter = awaitLetter(POSTNL, id);
        mail.send(POSTNL, MailServer.HUB, "Re: " + Mails.subject(postLetter),
                "Wij hebben geen gegevens van deze persoon gevonden.\n\nOp 1 dec. schreef dsr-hub:\n> " + Mails.text(postLetter), Map.of());

        fixture.awaitCompleted(id);
        assertThat(task(id, "paynl").outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(task(id, "postnl").outcome()).isEqualTo(Outcome.NOT_FOUND);
        Map<String, byte[]> bundle = unzip(Files.readAllBytes(fixture.outbox(id).resolve("bundle.zip")));
        assertThat(bundle).containsKey("paynl/klantgegevens.json");
        assertThat(new String(bundle.get("paynl/klantgegevens.json"), UTF_8)).contains("data as Pay.nl holds it");

        // delivery: the encrypted bundle to the verified address, the passphrase only to the officer
        MimeMessage toSubject = Mails.awaitTo(mail, subjectAddress, 1).get(0);
        Map<String, byte[]> attached = Mails.attachments(toSubject);
        assertThat(attached).containsOnlyKeys("bundle-aes.zip");
        String passphrase = Files.readString(fixture.outbox(id).resolve("passphrase.txt")).lines().reduce((a, b) -> b).orElseThrow();
        assertThat(Mails.text(toSubject)).doesNotContain(passphrase);
        MimeMessage toOfficer = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).contains(id + " delivered")).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(toOfficer)).contains(passphrase);
        assertThat(Mails.attachments(toOfficer)).containsKey("receipt.json");
        Path encrypted = Files.write(fixture.dataDir.resolve("received-bundle-aes.zip"), attached.get("bundle-aes.zip"));
        try (ZipFile zip = new ZipFile(encrypted.toFile(), passphrase.toCharArray())) {
            assertThat(zip.getFileHeaders()).allSatisfy(h -> assertThat(h.isEncrypted()).isTrue());
            zip.extractAll(fixture.dataDir.resolve("unpacked").toString());
        }
        assertThat(fixture.dataDir.resolve("unpacked/bundle.zip")).hasSameBinaryContentAs(fixture.outbox(id).resolve("bundle.zip"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().events.timeline(id).stream()
                .anyMatch(e -> e.kind().equals("delivered")));
        assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("delivered")).hasSize(1)
                .allSatisfy(e -> assertThat(e.detail()).doesNotContain("@"));
    }

    @Test
    void erasureConfirmedByReplyIsErasedAndAnUnclearReplyIsLeftToTheOfficer() {
        String id = submit("erasure", "erase.me@example.nl", "MAIL-ERASE", false);

        MimeMessage payLetter = awaitLetter(PAYNL, id);
        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(payLetter), "Dear team, the data have been deleted.", Map.of());
        MimeMessage postLetter = awaitLetter(POSTNL, id);
        mail.send(POSTNL, MailServer.HUB, "Re: " + Mails.subject(postLetter),
                "Wij moeten de bezorggegevens bewaren vanwege een wettelijke plicht.", Map.of());

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "postnl").outcome() == Outcome.NEEDS_ATTENTION
                && task(id, "paynl").outcome() == Outcome.ERASED);
        String token = Tokens.find(Mails.subject(postLetter)).orElseThrow();
        assertThat(task(id, "postnl").detail()).startsWith(ReplyClassifier.UNCLEAR).contains(token);
        // the timeline (which status and the dashboard show) says what the officer has to settle
        assertThat(fixture.hub().services().events.timeline(id)).anyMatch(e -> "postnl".equals(e.connector())
                && e.detail().startsWith("NEEDS_ATTENTION: " + ReplyClassifier.UNCLEAR));
        assertThat(fixture.requests().row(id).orElseThrow().status()).isNotEqualTo("COMPLETED");
    }

    @Test
    void neitherAStrangersMadeUpTokenNorAnOutOfOfficeReplySettlesATask() {
        String id = submit("erasure", "unknown.token@example.nl", "MAIL-TOKEN", false);
        MimeMessage letter = awaitLetter(PAYNL, id);
        mail.send("attacker@elsewhere.example.com", MailServer.HUB, "Re: [DSR-ABCDEFGHJK]", "the data have been deleted", Map.of());
        mail.send(PAYNL, MailServer.HUB, "Automatic reply: " + Mails.subject(letter),
                "I am out of office until Monday. Your data have been deleted is not what this says.", Map.of());
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.seenMails().stream().anyMatch(s -> s.kind().equals("refused"))
                && store.seenMails().stream().anyMatch(s -> s.kind().equals("ignored")));
        assertThat(task(id, "paynl").outcome()).isEqualTo(Outcome.AWAITING_REPLY);
        assertThat(Mails.to(mail, "attacker@elsewhere.example.com")).isEmpty();
    }

    @Test
    void aCompletedErasureIsConfirmedToTheVerifiedAddressOnlyAndTheOfficerGetsTheReceipt() {
        String subjectAddress = "confirm.me@example.nl";
        String id = submit("erasure", subjectAddress, "MAIL-CONFIRM", true);
        MimeMessage payLetter = awaitLetter(PAYNL, id);
        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(payLetter), "We have erased the account.", Map.of());
        MimeMessage postLetter = awaitLetter(POSTNL, id);
        mail.send(POSTNL, MailServer.HUB, "Re: " + Mails.subject(postLetter), "No personal data found.", Map.of());

        fixture.awaitCompleted(id);
        MimeMessage toSubject = Mails.awaitTo(mail, subjectAddress, 1).get(0);
        assertThat(Mails.attachments(toSubject)).containsOnlyKeys("confirmation.html", "confirmation.json");
        MimeMessage toOfficer = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).contains(id + " delivered")).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.attachments(toOfficer)).containsOnlyKeys("receipt.json");
        assertThat(fixture.outbox(id).resolve("passphrase.txt")).doesNotExist();
        // recorded once both mails went out
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().events.timeline(id).stream()
                .anyMatch(e -> e.kind().equals("delivered")));
        assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("delivered")).hasSize(1);
    }

    @Test
    void aNoticeSentToDirectMailOfficerReachesTheOfficer() {
        fixture.hub().producer().sendBodyAndHeader("direct:mail-officer", "Request R-TEST has 3 days left.", "subject",
                "Deadline near: R-TEST");

        MimeMessage notice = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).equals("Deadline near: R-TEST")).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(notice)).contains("3 days left");
    }

    @Test
    void anErasureWaitingOnlyForAMailedReplyIsConfirmedSoFarThenCompletelyWhenTheReplyComes() throws Exception {
        String id = submit("erasure", "slow.reply@example.nl", "MAIL-PROVISIONAL", false);
        MimeMessage payLetter = awaitLetter(PAYNL, id);
        MimeMessage postLetter = awaitLetter(POSTNL, id);
        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(payLetter), "We have erased the account.", Map.of());

        Path confirmation = fixture.outbox(id).resolve("confirmation.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.exists(confirmation)
                && java.nio.file.Files.readString(confirmation).contains("\"ERASED\""));
        com.fasterxml.jackson.databind.JsonNode soFar = new com.fasterxml.jackson.databind.ObjectMapper().readTree(confirmation.toFile());
        assertThat(soFar.path("complete").asBoolean()).isFalse();
        assertThat(soFar.toString()).contains("AWAITING_REPLY");
        assertThat(fixture.requests().row(id).orElseThrow().status()).isNotEqualTo("COMPLETED");
        assertThat(fixture.hub().services().events.timeline(id)).anyMatch(e -> e.kind().equals("provisional-confirmation")
                && e.detail().endsWith("postnl"));

        mail.send(POSTNL, MailServer.HUB, "Re: " + Mails.subject(postLetter), "No personal data found.", Map.of());
        fixture.awaitCompleted(id);
        com.fasterxml.jackson.databind.JsonNode done = new com.fasterxml.jackson.databind.ObjectMapper().readTree(confirmation.toFile());
        assertThat(done.path("complete").asBoolean()).isTrue();
        assertThat(done.toString()).doesNotContain("AWAITING_REPLY");
    }

    @Test
    void anExtendedDeadlineIsAnnouncedToTheSubjectOnceWithTheLetter() {
        String subjectAddress = "needs.time@example.nl";
        String id = submit("erasure", subjectAddress, "MAIL-EXTEND", false);
        awaitLetter(PAYNL, id);

        // made outside the hub, as `extend` on the command line does: the schedule announces it all the same
        var s = fixture.hub().services();
        new nl.dsrhub.plan.DeadlineExtension(s.requests, s.events, s.jdbc, s.outbox(), java.time.Clock.systemUTC())
                .extend(id, 2, "Twee verwerkers hebben nog niet geantwoord.");

        MimeMessage notice = Mails.awaitTo(mail, subjectAddress, 1).get(0);
        assertThat(Mails.attachments(notice)).containsOnlyKeys(nl.dsrhub.plan.DeadlineExtension.LETTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.events.timeline(id).stream()
                .anyMatch(e -> e.kind().equals("extension-notified")));
        // the next rounds of the schedule find nothing left to announce
        assertThat(fixture.hub().producer().requestBody("bean:delivery?method=notifyExtensions", null, Integer.class)).isZero();
        assertThat(Mails.to(mail, subjectAddress)).hasSize(1);
    }

    @Test
    void aDeadlineNoticeIsMailedToTheOfficerOnce() {
        String id = submit("erasure", "late.answer@example.nl", "MAIL-NOTICE", false);
        nl.dsrhub.ops.OfficerNotice notice = new nl.dsrhub.ops.OfficerNotice(id, "due-soon",
                java.time.OffsetDateTime.now(), "Request " + id + " is due in 3 day(s); awaiting a reply: paynl, postnl");

        fixture.hub().producer().sendBody("direct:notify-officer", notice);
        fixture.hub().producer().sendBody("direct:notify-officer", notice);

        MimeMessage mailed = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).equals("dsr-hub: due-soon " + id)).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(mailed)).contains("awaiting a reply: paynl, postnl").doesNotContain("late.answer");
        assertThat(Mails.to(mail, MailServer.OFFICER)).filteredOn(m -> Mails.subject(m).contains("due-soon " + id)).hasSize(1);
    }

    private String submit(String type, String email, String reference, boolean delivery) {
        String file = """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon", "identifiers": { "postnl.barcode": "3SDSRH000900001" } },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  %s
                  "processors": ["paynl", "postnl"], "reference": "%s" }
                """.formatted(type, Requests.now(), email, Requests.now(),
                delivery ? "\"delivery\": { \"email\": \"" + email + "\" }," : "", reference);
        fixture.drop(reference + ".json", file);
        return fixture.awaitRequest(reference);
    }

    private MimeMessage awaitLetter(String contact, String requestId) {
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> new MailStore(fixture.hub().services().jdbc,
                java.time.Clock.systemUTC(), fixture.hub().services().events).letterOfTask(taskId(requestId, contact))
                .map(MailStore.Letter::token).orElse(null), t -> t != null);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, contact).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    private long taskId(String requestId, String contact) {
        return task(requestId, contact.equals(PAYNL) ? "paynl" : "postnl").id();
    }

    private TaskStore.TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream().filter(t -> t.connector().equals(connector))
                .findFirst().orElseThrow();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

}
