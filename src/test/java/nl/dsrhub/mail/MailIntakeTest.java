package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Requests by mail, over real SMTP and IMAP (GreenMail): officers are answered, strangers ignored, bad mails skipped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIntakeTest {

    static final String STRANGER = "someone@elsewhere.example.com";

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        // small, so that the "huge mail" of a test stays small
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.mail.max-bytes", "200000", "dsr.mail.authserv-id", Mails.AUTHSERV_ID));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void officersAuthenticatedMailedRequestIsTakenInAndAnsweredWithItsIdAndDeadline() {
        String file = Requests.file("erasure", "mailed.person@example.nl", Requests.now(), "MAIL-OFFICER");
        Mails.sendAuthenticated(mail, MailServer.OFFICER, "vergeetverzoek", "zie bijlage", Map.of("verzoek.json", file.getBytes(UTF_8)));

        String id = fixture.awaitRequest("MAIL-OFFICER");
        RequestStore.RequestRow row = fixture.requests().row(id).orElseThrow();
        MimeMessage answer = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.text(m).contains(id)).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.subject(answer)).contains("Request received").contains(id);
        assertThat(Mails.text(answer)).contains(row.deadline().toLocalDate().toString())
                .doesNotContain("mailed.person@example.nl");
        // and it runs like a dropped file does
        fixture.awaitCompleted(id);
    }

    @Test
    void aRepresentativesRequestMailedAsTheMailsBodyIsTakenInOnTheirBehalf() {
        String now = Requests.now();
        String body = """
                type: export
                receivedAt: "%s"
                subject: { email: mailed.child@example.nl, name: Mila Jansen }
                verification: { method: id-document, verifiedBy: privacy@shop.example.nl, verifiedAt: "%s" }
                representative:
                  name: Petra Jansen
                  email: mailed.parent@example.com
                  capacity: parent
                  authorityCheckedBy: privacy@shop.example.nl
                  authorityCheckedAt: "%s"
                  authorityEvidence: birth certificate seen
                processors: [woocommerce]
                reference: MAIL-REPRESENTED
                """.formatted(now, now, now);
        Mails.sendAuthenticated(mail, MailServer.OFFICER, "inzageverzoek namens kind", body, Map.of());

        String id = fixture.awaitRequest("MAIL-REPRESENTED");
        nl.dsrhub.model.DsrRequest stored = fixture.requests().get(id);
        assertThat(stored.representative().capacity()).isEqualTo("parent");
        // the answer goes to the parent (delivery itself: RepresentativeDeliveryTest), never to the child
        assertThat(stored.subjectMailAddress()).isEqualTo("mailed.parent@example.com");
        MimeMessage answer = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.text(m).contains(id)).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(answer)).doesNotContain("mailed.child@example.nl").doesNotContain("mailed.parent@example.com");
        fixture.awaitCompleted(id);
        assertThat(Mails.to(mail, "mailed.child@example.nl")).isEmpty();
    }

    @Test
    void mailFromAStrangerIsRecordedButNeitherProcessedNorAnswered() {
        String file = Requests.file("erasure", "victim@example.nl", Requests.now(), "MAIL-STRANGER");
        mail.send(STRANGER, MailServer.HUB, "please erase", "attached", Map.of("r.json", file.getBytes(UTF_8)));

        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.seenMails().stream().anyMatch(s -> s.kind().equals("refused")));
        assertThat(store.seenMails()).filteredOn(s -> s.kind().equals("refused"))
                .allSatisfy(s -> assertThat(s.outcome()).doesNotContain("@").doesNotContain("elsewhere"));
        assertThat(fixture.requests().all()).noneMatch(r -> "MAIL-STRANGER".equals(r.reference()));
        assertThat(Mails.to(mail, STRANGER)).isEmpty();
    }

    @Test
    void badRequestIsAnsweredWithEveryProblemAndNoValues() {
        String bad = """
                { "type": "forget-me", "receivedAt": "yesterday",
                  "subject": { "email": "not-an-address-secret-value" },
                  "processors": "all", "reference": "MAIL-BAD" }
                """;
        mail.send(MailServer.OFFICER, MailServer.HUB, "bad one", "see attachment", Map.of("bad.json", bad.getBytes(UTF_8)));

        MimeMessage answer = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).contains("rejected")).findFirst().orElse(null), m -> m != null);
        String text = Mails.text(answer);
        assertThat(text).contains("/type").contains("/receivedAt").contains("/subject/email").contains("/verification")
                .doesNotContain("not-an-address-secret-value").doesNotContain("forget-me");
        assertThat(fixture.requests().all()).noneMatch(r -> "MAIL-BAD".equals(r.reference()));
    }

    @Test
    void aCorruptAndAHugeMailDoNotBlockTheGoodOnesAndEachMailIsHandledOnceAcrossRestarts() throws Exception {
        mail.send(MailServer.OFFICER, MailServer.HUB, "first", "",
                Map.of("a.json", Requests.file("export", "good.one@example.nl", Requests.now(), "MAIL-GOOD-1").getBytes(UTF_8)));
        String broken = "From: " + MailServer.OFFICER + "\r\nTo: " + MailServer.HUB + "\r\nSubject: broken\r\n"
                + "Message-ID: <broken-1@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: x-no-such-encoding\r\n\r\n"
                + "type: erasure (but in an encoding nobody can decode)\r\n";
        mail.greenMail().getUserManager().getUser(MailServer.HUB_LOGIN)
                .deliver(new MimeMessage(mail.session(), new ByteArrayInputStream(broken.getBytes(UTF_8))));
        mail.send(MailServer.OFFICER, MailServer.HUB, "huge", "", Map.of("huge.json", new byte[300_000]));
        mail.send(MailServer.OFFICER, MailServer.HUB, "second", "",
                Map.of("b.json", Requests.file("export", "good.two@example.nl", Requests.now(), "MAIL-GOOD-2").getBytes(UTF_8)));

        String good1 = fixture.awaitRequest("MAIL-GOOD-1");
        String good2 = fixture.awaitRequest("MAIL-GOOD-2");
        // every mail answered: both requests and the huge one (the answer goes out just after the request is stored)
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream().map(Mails::text).toList(),
                texts -> texts.stream().anyMatch(t -> t.contains("larger than 200000 bytes"))
                        && texts.stream().anyMatch(t -> t.contains(good1)) && texts.stream().anyMatch(t -> t.contains(good2)));
        int answers = Mails.to(mail, MailServer.OFFICER).size();
        int requests = fixture.requests().all().size();

        // restart, and make every mail unread again: the hub remembers what it handled
        fixture.stopHub();
        markAllUnseen();
        fixture.startHub();
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        int seen = store.seenMails().size();
        await().atMost(Duration.ofSeconds(30)).until(this::allSeen);
        assertThat(store.seenMails()).hasSize(seen);
        assertThat(Mails.to(mail, MailServer.OFFICER)).hasSize(answers);
        assertThat(fixture.requests().all()).hasSize(requests);
    }

    private void markAllUnseen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
        }
    }

    /** True once the restarted hub has gone over the mailbox again. */
    private boolean allSeen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unread = inbox.getUnreadMessageCount();
            inbox.close(false);
            return unread == 0; // the unreadable one too: recorded and skipped, like the others
        }
    }

    private Store imap() throws Exception {
        Properties p = new Properties();
        Store store = jakarta.mail.Session.getInstance(p).getStore("imap");
        Map<String, String> s = mail.settings();
        store.connect("127.0.0.1", mail.imapPort(), s.get("dsr.mail.imap.username"), s.get("dsr.mail.imap.password"));
        return store;
    }

}
