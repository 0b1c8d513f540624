package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line injection into the mails the hub sends, over real SMTP: a request stored directly in the database with
 * line breaks in its fields (as an earlier version, before the schema refused them, could have stored it), and
 * a subject line with a forged header. What reaches the mail server has each value on its own line and no
 * header the hub did not write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineInjectionMailTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String EVE = "eve@example.com";

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aNameWithLineBreaksStoredEarlierStaysOnItsLineInTheLetterAndAddsNoHeader() throws Exception {
        String id = storeBypassingTheSchema("Lotte Lek\r\nBcc: " + EVE + "\r\n\r\nForged paragraph",
                Map.of("paynl.transactionId", "EX-1234\u2028Forged line"));

        MimeMessage letter = Mails.awaitTo(mail, PAYNL, 1).stream().filter(m -> Mails.text(m).contains("EX-1234"))
                .findFirst().orElseThrow();

        List<String> lines = Mails.text(letter).lines().toList();
        assertThat(lines).contains("  naam / name: Lotte Lek Bcc: " + EVE + "  Forged paragraph",
                "  transactionId: EX-1234 Forged line");
        assertThat(lines).noneMatch(l -> l.startsWith("Bcc:") || l.startsWith("Forged"));
        assertThat(headerLines(letter)).noneMatch(h -> h.regionMatches(true, 0, "Bcc:", 0, 4));
        assertThat(letter.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(Arrays.stream(letter.getAllRecipients()).map(Object::toString)).containsExactly(PAYNL);
        // one copy reached the server: nobody else was sent the letter
        assertThat(copiesWithSubject(Mails.subject(letter))).isEqualTo(1);
        assertThat(fixture.requests().row(id)).isPresent();
    }

    @Test
    void aSubjectWithALineBreakAddsNoHeaderAndStaysOneLine() throws Exception {
        fixture.hub().producer().sendBodyAndHeader("direct:mail-officer", "Request R-INJECT has 3 days left.", "subject",
                "Deadline near: R-INJECT\r\nBcc: " + EVE + "\u2028X-Forged: yes");

        MimeMessage notice = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).startsWith("Deadline near: R-INJECT")).findFirst().orElse(null), m -> m != null);

        assertThat(Mails.subject(notice)).isEqualTo("Deadline near: R-INJECT Bcc: " + EVE + " X-Forged: yes");
        assertThat(headerLines(notice)).noneMatch(h -> h.regionMatches(true, 0, "Bcc:", 0, 4)
                || h.regionMatches(true, 0, "X-Forged:", 0, 9));
        assertThat(notice.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(copiesWithSubject(Mails.subject(notice))).isEqualTo(1);
    }

    /** A request written by the store itself, as `submit` or an earlier version did, without the schema's checks. */
    private String storeBypassingTheSchema(String name, Map<String, String> identifiers) {
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10);
        DsrRequest request = new DsrRequest(null, RequestType.ERASURE, received, DsrRequest.deadlineFor(received),
                new Subject("lotte.lek@example.nl", name, identifiers),
                new Verification(Verification.KNOWN_EMAIL, "privacy@shop.example.nl", received.plusMinutes(5)),
                null, List.of("paynl"), "LETTER-INJECTION", "older-version.json", UUID.randomUUID().toString().replace("-", ""));
        // the sweep plans a stored request within a second, as it does for `submit`
        return fixture.requests().store(request).requestId();
    }

    /** The header block of the message as it was sent: everything before the first empty line. */
    private static List<String> headerLines(MimeMessage m) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String text = raw.toString(UTF_8);
        return text.substring(0, text.indexOf("\r\n\r\n")).lines().toList();
    }

    /** How many copies of a mail the server delivered, over all mailboxes (a Bcc would add one). */
    private long copiesWithSubject(String subject) {
        return Arrays.stream(mail.greenMail().getReceivedMessages()).filter(m -> subject.equals(Mails.subject(m))).count();
    }
}
