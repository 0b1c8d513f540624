package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * The hub's mailbox is no archive of people's data: a mail whose content the hub kept where it belongs (a request
 * stored, a reply's files in the task's folder) is deleted from it at once, also when a stop came between keeping and
 * deleting; the mails it read but kept nowhere else stay for the officer and go after dsr.purge.after-days. Real SMTP
 * and IMAP (GreenMail), a real hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubMailboxTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String STRANGER = "someone@elsewhere.example.com";

    MailServer mail;
    HubFixture fixture;
    Path dataDir;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL, "dsr.purge.after-days", "30", "dsr.purge.check-seconds", "1"));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aReplyIsDeletedFromTheMailboxOnceItsFilesAreWhereTheBundleTakesThem() throws Exception {
        String id = submit("export", "mailbox.export@example.nl", "MAILBOX-EXPORT");
        String subject = "Re: " + Mails.subject(awaitLetter(id));
        mail.send(PAYNL, MailServer.HUB, subject, "In de bijlage de gegevens.", Map.of("klantgegevens.json",
                "{\"customer\":\"as Pay.nl holds it\"}".getBytes(UTF_8)));

        fixture.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).stream().noneMatch(m -> m.subject().equals(subject)));
        assertThat(fixture.outbox(id).resolve("bundle.zip")).exists();
        assertThat(MailConnectorTest.unzip(Files.readAllBytes(fixture.outbox(id).resolve("bundle.zip"))))
                .hasEntrySatisfying("paynl/klantgegevens.json", b -> assertThat(new String(b, UTF_8)).contains("as Pay.nl holds it"));
    }

    @Test
    void aMailedRequestIsDeletedFromTheMailboxOnceStored() {
        String subject = "vergeetverzoek MAILBOX-REQUEST";
        mail.send(MailServer.OFFICER, MailServer.HUB, subject, """
                type: erasure
                receivedAt: "%s"
                subject: { email: mailbox.request@example.nl, name: Test Persoon }
                verification: { method: known-email, verifiedBy: privacy@shop.example.nl, verifiedAt: "%s" }
                processors: [paynl]
                reference: MAILBOX-REQUEST
                """.formatted(Requests.now(), Requests.now()), Map.of());

        String id = fixture.awaitRequest("MAILBOX-REQUEST");
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).stream().noneMatch(m -> m.subject().equals(subject)));
        assertThat(fixture.requests().find(id)).isPresent();
    }

    @Test
    void aMailStillThereAfterAStopBetweenKeepingAndDeletingIsDeletedAndNotHandledAgain() throws Exception {
        String id = submit("export", "mailbox.crash@example.nl", "MAILBOX-CRASH");
        String subject = "Re: " + Mails.subject(awaitLetter(id));
        Map<String, byte[]> files = Map.of("klantgegevens.json", "{\"customer\":\"kept once\"}".getBytes(UTF_8));
        Mails.sendWithId(mail, "<reply-1@pay.example.com>", PAYNL, subject, "In de bijlage de gegevens.", files);
        fixture.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).stream().noneMatch(m -> m.subject().equals(subject)));
        byte[] bundle = Files.readAllBytes(fixture.outbox(id).resolve("bundle.zip"));

        // the very same mail in the folder again, unread: what a stop after keeping and before Camel's delete leaves
        Mails.sendWithId(mail, "<reply-1@pay.example.com>", PAYNL, subject, "In de bijlage de gegevens.", files);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).stream().noneMatch(m -> m.subject().equals(subject)));
        var s = fixture.hub().services();
        assertThat(s.events.timeline(id)).filteredOn(e -> "paynl".equals(e.connector()) && e.kind().equals("outcome")
                && e.detail().startsWith("EXPORTED")).hasSize(1);
        assertThat(s.ledger.entries(id)).filteredOn(e -> "paynl".equals(e.connector()) && e.kind().equals("outcome")
                && "EXPORTED".equals(e.detail())).hasSize(1);
        assertThat(task(id).outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(fixture.outbox(id).resolve("bundle.zip")).hasBinaryContent(bundle);
        try (Stream<Path> kept = Files.walk(dataDir.resolve("work").resolve(id))) {
            assertThat(kept.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                    .containsExactly("klantgegevens.json");
        }
    }

    @Test
    void anUnclearReplyStaysInTheMailboxWhereTheTaskPointsTheOfficer() {
        String id = submit("erasure", "mailbox.unclear@example.nl", "MAILBOX-UNCLEAR");
        String subject = "Re: " + Mails.subject(awaitLetter(id));
        mail.send(PAYNL, MailServer.HUB, subject, "Wij moeten de gegevens bewaren vanwege een wettelijke plicht.", Map.of());

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id).outcome() == Outcome.NEEDS_ATTENTION);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).contains(new Mails.Held(subject, true)));
        assertThat(task(id).detail()).contains("in the hub's mailbox");
    }

    @Test
    void mailsReadButKeptNowhereElseGoAfterThePeriodAndYoungerOnesStay() {
        // a stranger's mails (neither a request nor a reply): read, recorded, left for the officer
        Mails.appendArrivedAt(mail, Instant.now().minus(Duration.ofDays(31)), STRANGER, "old question", "Hebben jullie mijn gegevens?");
        Mails.appendArrivedAt(mail, Instant.now().minus(Duration.ofDays(29)), STRANGER, "recent question", "Nog een vraag.");

        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).stream().noneMatch(m -> m.subject().equals("old question")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.mailbox(mail).contains(new Mails.Held("recent question", true)));
        // one more purge now that it is read: it stays, for the officer, until its day comes
        fixture.hub().producer().requestBody("bean:mailboxPurge?method=purge", null, Integer.class);
        assertThat(Mails.mailbox(mail)).contains(new Mails.Held("recent question", true));
        assertThat(Mails.to(mail, STRANGER)).isEmpty();
    }

    private String submit(String type, String email, String reference) {
        fixture.drop(reference + ".json", Requests.file(type, email, Requests.now(), reference)
                .replace("\"processors\": \"all\"", "\"processors\": [\"paynl\"]"));
        return fixture.awaitRequest(reference);
    }

    private MimeMessage awaitLetter(String requestId) {
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> store.letterOfTask(task(requestId).id())
                .map(MailStore.Letter::token).orElse(null), t -> t != null);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    private TaskStore.TaskRow task(String requestId) {
        List<TaskStore.TaskRow> tasks = fixture.hub().services().tasks.forRequest(requestId);
        return tasks.stream().filter(t -> t.connector().equals("paynl")).findFirst().orElseThrow();
    }
}
