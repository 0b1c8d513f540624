package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * A processor that stays silent gets one reminder; a hub restarted between letter and reply sends no
 * second letter. One hub for the class (reminders due at once), restarted by the tests that need it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailChaseAndRestartTest {

    static final String DHL = "privacy@dhl.example.com";

    MailServer mail;
    HubFixture fixture;

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.dhl.enabled", "true", "dsr.connector.dhl.privacy-contact", DHL,
                "dsr.mail.reminder-days", "0", "dsr.mail.chase-seconds", "1"));
    }

    @Test
    void aSilentProcessorGetsExactlyOneReminderWithTheToken() {
        String id = submit("MAIL-CHASE");
        String token = token(id);

        MimeMessage reminder = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, DHL).stream()
                .filter(m -> Mails.subject(m).startsWith("Herinnering") && Mails.subject(m).contains(token))
                .findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(reminder)).contains(token, "Dear Sir or Madam");
        // several chase rounds later, still the one letter and the one reminder
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(withToken(token)).hasSize(2);
        assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("reminder-sent")).hasSize(1);
        assertThat(task(id).outcome()).isEqualTo(Outcome.AWAITING_REPLY);
    }

    /**
     * One restart for two cases: a reply that arrives while the hub is down settles its task after the
     * restart; a task interrupted between journalling its letter and recording it sent runs again
     * without a second letter, and its reminder covers the letter that may not have left.
     */
    @Test
    void aRestartBetweenLetterAndReplySendsNoSecondLetterAndLosesNoReply() {
        String replied = submit("MAIL-RESTART");
        String crashed = submit("MAIL-CRASH");
        String repliedToken = token(replied);
        String crashedToken = token(crashed);
        MimeMessage letter = await().atMost(Duration.ofSeconds(30)).until(() -> letters(repliedToken).stream().findFirst().orElse(null),
                m -> m != null);
        // letter and its reminder (due at once in this class) both out, so nothing is in flight below
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(crashedToken).size() == 1 && withToken(crashedToken).size() == 2
                && task(replied).outcome() == Outcome.AWAITING_REPLY && task(crashed).outcome() == Outcome.AWAITING_REPLY);
        // as if the hub died after journalling the letter and before recording it sent: the task was
        // running, the letter SENDING (which the chase leaves alone), its reminder not yet claimed
        long taskId = task(crashed).id();
        fixture.hub().services().jdbc.update("UPDATE dsr_task SET status = 'RUNNING', outcome = NULL WHERE id = ?", taskId);
        fixture.hub().services().jdbc.update("UPDATE dsr_mail_letter SET state = 'SENDING', sent_at = NULL, reminded_at = NULL "
                + "WHERE task_id = ?", taskId);

        fixture.stopHub();
        mail.send(DHL, MailServer.HUB, "RE: " + Mails.subject(letter), "We do not hold any data on this person.", Map.of());
        fixture.startHub();

        fixture.awaitCompleted(replied);
        assertThat(task(replied).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(letters(repliedToken)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(crashed).outcome() == Outcome.AWAITING_REPLY);
        assertThat(task(crashed).detail()).contains("reminder follows");
        assertThat(letters(crashedToken)).hasSize(1);
        // the reminder is due at once in this class: exactly one more mail for that token
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(crashedToken).size() == 3);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(withToken(crashedToken)).hasSize(3);
    }

    /** The letter's token, once the task has sent it. */
    private String token(String requestId) {
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> store.letterOfTask(task(requestId).id()).map(MailStore.Letter::token).orElse(null), t -> t != null);
    }

    private java.util.List<MimeMessage> withToken(String token) {
        return Mails.to(mail, DHL).stream().filter(m -> Mails.subject(m).contains(token)).toList();
    }

    /** The letters of this token, not its reminder. */
    private java.util.List<MimeMessage> letters(String token) {
        return withToken(token).stream().filter(m -> !Mails.subject(m).startsWith("Herinnering")).toList();
    }

    private String submit(String reference) {
        String file = """
                { "type": "erasure", "receivedAt": "%s",
                  "subject": { "email": "silent.case@example.nl", "name": "Test Persoon",
                               "identifiers": { "dhl.barcode": "JVGL0999000000000001" } },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["dhl"], "reference": "%s" }
                """.formatted(Requests.now(), Requests.now(), reference);
        fixture.drop(reference + ".json", file);
        return fixture.awaitRequest(reference);
    }

    private TaskStore.TaskRow task(String requestId) {
        return fixture.hub().services().tasks.forRequest(requestId).stream().findFirst().orElseThrow();
    }
}
