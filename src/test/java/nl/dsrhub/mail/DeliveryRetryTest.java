package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery at least once, over real SMTP: a result that could not be mailed because the mail server was down
 * goes out once it is back, and a send cut off by a stop goes again with the same encrypted bundle and
 * passphrase. The officer is told at the first failure, not at every round.
 */
class DeliveryRetryTest {

    @TempDir
    Path dataDir;

    static final Map<String, String> RETRY_FAST = Map.of("dsr.delivery.enabled", "true", "dsr.delivery.retry-seconds", "1",
            "dsr.delivery.retry-check-seconds", "1", "dsr.delivery.max-attempts", "100");

    @Test
    void aConfirmationThatFailedWhileTheMailServerWasDownIsMailedOnceItIsBack() {
        int smtpPort = HubFixture.freePort();
        try (MailServer imap = MailServer.start()) {
            Map<String, String> settings = new java.util.HashMap<>(RETRY_FAST);
            // nothing listens on the hub's SMTP port yet: every send fails
            settings.put("dsr.mail.smtp.port", String.valueOf(smtpPort));
            try (HubFixture fixture = Mails.startHub(imap, dataDir, settings)) {
                String id = submit(fixture, "erasure", "down.server@example.nl", "DELIVERY-DOWN");
                fixture.awaitCompleted(id);
                await().atMost(Duration.ofSeconds(30)).until(() -> kinds(fixture, id).contains("delivery-failed"));
                await().atMost(Duration.ofSeconds(30)).until(() -> attempts(fixture, id) >= 2);

                try (MailServer back = MailServer.start(smtpPort, imap.settings().get("dsr.mail.smtp.password"))) {
                    MimeMessage confirmation = Mails.awaitTo(back, "down.server@example.nl", 1).get(0);

                    assertThat(Mails.attachments(confirmation)).containsOnlyKeys("confirmation.html", "confirmation.json");
                    await().atMost(Duration.ofSeconds(30)).until(() -> kinds(fixture, id).contains("delivered"));
                    assertThat(state(fixture, id)).isEqualTo("SENT");
                    // told once that it failed and once that it went out; mailed once
                    assertThat(kinds(fixture, id).stream().filter("delivery-failed"::equals)).hasSize(1);
                    assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("delivered"))
                            .singleElement().satisfies(e -> assertThat(e.detail()).contains("(attempt "));
                    assertThat(Mails.to(back, "down.server@example.nl")).hasSize(1);
                }
            }
        }
    }

    @Test
    void aBundleWhoseSendWasCutOffByAStopIsMailedAgainWithTheSameEncryptedFileAndPassphrase() throws Exception {
        try (MailServer mail = MailServer.start(); HubFixture fixture = Mails.startHub(mail, dataDir, RETRY_FAST)) {
            String id = submit(fixture, "export", "cut.off@example.nl", "DELIVERY-CUT");
            MimeMessage first = Mails.awaitTo(mail, "cut.off@example.nl", 1).get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(fixture, id)));
            String passphrase = Files.readString(fixture.outbox(id).resolve("passphrase.txt"));

            // as a hub killed while sending leaves it: claimed, never recorded as sent
            fixture.hub().services().jdbc.update("UPDATE dsr_delivery SET state = 'SENDING', updated_at = ? WHERE request_id = ?",
                    OffsetDateTime.now().minusMinutes(5), id);

            MimeMessage again = Mails.awaitTo(mail, "cut.off@example.nl", 2).get(1);
            assertThat(Mails.attachments(again).get("bundle-aes.zip")).isEqualTo(Mails.attachments(first).get("bundle-aes.zip"));
            assertThat(fixture.outbox(id).resolve("passphrase.txt")).hasContent(passphrase);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(fixture, id)));
            assertThat(attempts(fixture, id)).isEqualTo(2);
        }
    }

    @Test
    void aResultLeftPendingByAStopBeforeMailingIsMailedByTheSchedule() {
        try (MailServer mail = MailServer.start(); HubFixture fixture = Mails.startHub(mail, dataDir, RETRY_FAST)) {
            String id = submit(fixture, "erasure", "left.pending@example.nl", "DELIVERY-PENDING");
            Mails.awaitTo(mail, "left.pending@example.nl", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(fixture, id)));

            // as a hub stopped between writing the result and mailing it leaves it: the intent, nothing sent
            fixture.hub().services().jdbc.update("UPDATE dsr_delivery SET state = 'PENDING', attempts = 0 WHERE request_id = ?", id);

            Mails.awaitTo(mail, "left.pending@example.nl", 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(fixture, id)));
        }
    }

    private static String submit(HubFixture fixture, String type, String email, String reference) {
        String file = """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "delivery": { "email": "%s" },
                  "processors": ["laposta"], "reference": "%s" }
                """.formatted(type, Requests.now(), email, Requests.now(), email, reference);
        fixture.drop(reference + ".json", file);
        return fixture.awaitRequest(reference);
    }

    private static List<String> kinds(HubFixture fixture, String id) {
        return fixture.hub().services().events.timeline(id).stream().map(EventLog.Event::kind).toList();
    }

    private static String state(HubFixture fixture, String id) {
        return fixture.hub().services().jdbc.queryOne("SELECT state FROM dsr_delivery WHERE request_id = ?",
                rs -> rs.getString(1), id).orElse(null);
    }

    private static int attempts(HubFixture fixture, String id) {
        return fixture.hub().services().jdbc.queryOne("SELECT attempts FROM dsr_delivery WHERE request_id = ?",
                rs -> rs.getInt(1), id).orElse(0);
    }
}
