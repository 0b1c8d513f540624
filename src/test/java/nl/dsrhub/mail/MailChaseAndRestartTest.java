package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.plan.Outcome;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor that stays silent gets one reminder; a hub restarted between letter and reply sends no second letter. */
class MailChaseAndRestartTest {

    static final String DHL = "privacy@dhl.example.com";

    MailServer mail;
    HubFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    private void start(Path dataDir, String reminderDays) {
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir);
        mail.settings().forEach(fixture::set);
        fixture.set("dsr.connector.dhl.enabled", "true").set("dsr.connector.dhl.privacy-contact", DHL)
                .set("dsr.mail.reminder-days", reminderDays).set("dsr.mail.chase-seconds", "1");
        fixture.startHub();
    }

    @Test
    void aSilentProcessorGetsExactlyOneReminderWithTheToken(@TempDir Path dataDir) {
        start(dataDir, "0");
        String id = submit("MAIL-CHASE");

        MimeMessage reminder = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, DHL).stream()
                .filter(m -> Mails.subject(m).startsWith("Herinnering")).findFirst().orElse(null), m -> m != null);
        String token = Tokens.find(Mails.subject(reminder)).orElseThrow();
        assertThat(Mails.text(reminder)).contains(token, "Dear Sir or Madam");
        // several chase rounds later, still the one letter and the one reminder
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(Mails.to(mail, DHL)).hasSize(2);
        assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("reminder-sent")).hasSize(1);
        assertThat(task(id).outcome()).isEqualTo(Outcome.AWAITING_REPLY);
    }

    @Test
    void aReplyArrivingWhileTheHubIsDownSettlesTheTaskAfterRestartWithoutASecondLetter(@TempDir Path dataDir) {
        start(dataDir, "30");
        String id = submit("MAIL-RESTART");
        MimeMessage letter = Mails.awaitTo(mail, DHL, 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).outcome() == Outcome.AWAITING_REPLY);

        fixture.stopHub();
        mail.send(DHL, MailServer.HUB, "RE: " + Mails.subject(letter), "We do not hold any data on this person.", Map.of());
        fixture.startHub();

        fixture.awaitCompleted(id);
        assertThat(task(id).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(Mails.to(mail, DHL)).hasSize(1);
    }

    @Test
    void aTaskRunAgainAfterACrashBetweenJournalAndSendSendsNoSecondLetter(@TempDir Path dataDir) {
        start(dataDir, "30");
        String id = submit("MAIL-CRASH");
        Mails.awaitTo(mail, DHL, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).outcome() == Outcome.AWAITING_REPLY);
        // as if the hub died after journalling the letter: the task is queued again on restart
        fixture.hub().services().jdbc.update("UPDATE dsr_task SET status = 'RUNNING', outcome = NULL WHERE id = ?", task(id).id());
        fixture.hub().services().jdbc.update("UPDATE dsr_mail_letter SET state = 'SENDING', sent_at = NULL WHERE task_id = ?", task(id).id());
        fixture.stopHub();
        fixture.startHub();

        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).outcome() == Outcome.AWAITING_REPLY);
        assertThat(task(id).detail()).contains("reminder follows");
        assertThat(Mails.to(mail, DHL)).hasSize(1);
    }

    private String submit(String reference) {
        String file = """
                { "type": "erasure", "receivedAt": "%s",
                  "subject": { "email": "silent.case@example.nl", "name": "Test Persoon" },
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
