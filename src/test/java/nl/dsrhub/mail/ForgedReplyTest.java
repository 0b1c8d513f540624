package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.CapturedLog;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processor replies only from the processor: a reply carrying the letter's token settles the task only when
 * it comes from the connector's privacy-contact domain (or a subdomain), and not with a DMARC failure in the
 * officer's server's verdict. On a real hub (H2 file, SMTP and IMAP through GreenMail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedReplyTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String FORGER = "privacy@pay-example.elsewhere.example.com";
    static final String FORGED_DATA = "{\"customer\":\"made up by a forger\"}";

    MailServer mail;
    HubFixture fixture;
    CapturedLog log;
    final java.util.Set<String> tokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        log = new CapturedLog();
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL, "dsr.mail.authserv-id", Mails.AUTHSERV_ID));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
        log.close();
    }

    @AfterEach
    void noTokenInTheLog() {
        assertThat(log.infoAndAbove()).noneMatch(line -> tokens.stream().anyMatch(line::contains));
    }

    @Test
    void aReplyWithTheTokenFromAnotherDomainSettlesNothingKeepsItsFilesAsideAndTellsTheOfficer() throws Exception {
        String id = submit("export", "forged.reply@example.nl", "FORGED-REPLY");
        MimeMessage letter = awaitLetter(id);

        mail.send(FORGER, MailServer.HUB, "Re: " + Mails.subject(letter), "In de bijlage de gegevens.",
                Map.of("klantgegevens.json", FORGED_DATA.getBytes(UTF_8)));

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id).outcome() == Outcome.NEEDS_ATTENTION);
        assertThat(task(id).detail()).startsWith(ReplyHandler.UNEXPECTED + " (pay-example.elsewhere.example.com, outside pay.example.com)")
                .doesNotContain(FORGER);
        Path aside = keptAside(id, "klantgegevens.json");
        assertThat(aside).hasContent(FORGED_DATA);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(aside))).isEqualTo("rw-------");
        assertThat(filesUnder(fixture.dataDir.resolve("work").resolve(id).resolve("paynl"))).isEmpty();
        MimeMessage notice = awaitNotice(id);
        assertThat(Mails.text(notice)).contains("unexpected sender", "settled nothing").doesNotContain(FORGER, token(letter));
        assertThat(fixture.hub().services().events.timeline(id)).anyMatch(e -> e.kind().equals("unexpected-reply"));
        assertThat(fixture.requests().row(id).orElseThrow().status()).isNotEqualTo("COMPLETED");
    }

    @Test
    void afterAForgedReplyTheProcessorsOwnReplySettlesTheTaskAndOnlyItsFilesReachTheBundle() throws Exception {
        String id = submit("export", "forged.then.genuine@example.nl", "FORGED-THEN-GENUINE");
        MimeMessage letter = awaitLetter(id);
        mail.send(FORGER, MailServer.HUB, "Re: " + Mails.subject(letter), "In de bijlage de gegevens.",
                Map.of("klantgegevens.json", FORGED_DATA.getBytes(UTF_8)));
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id).outcome() == Outcome.NEEDS_ATTENTION);

        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(letter), "In de bijlage de gegevens.",
                Map.of("klantgegevens.json", "{\"customer\":\"as Pay.nl holds it\"}".getBytes(UTF_8)));

        fixture.awaitCompleted(id);
        assertThat(task(id).outcome()).isEqualTo(Outcome.EXPORTED);
        Map<String, byte[]> bundle = MailConnectorTest.unzip(Files.readAllBytes(fixture.outbox(id).resolve("bundle.zip")));
        assertThat(new String(bundle.get("paynl/klantgegevens.json"), UTF_8)).contains("as Pay.nl holds it");
        assertThat(bundle.values()).noneMatch(bytes -> new String(bytes, UTF_8).contains("made up by a forger"));
    }

    @Test
    void aReplyFromTheProcessorsDomainThatOurServerSaysFailedDmarcSettlesNothing() {
        String id = submit("erasure", "dmarc.failed@example.nl", "DMARC-FAILED");
        MimeMessage letter = awaitLetter(id);

        Mails.sendRaw(mail, """
                Authentication-Results: %s; spf=fail smtp.mailfrom=pay.example.com; dkim=none;
                    dmarc=fail (p=reject dis=none) header.from=pay.example.com
                From: %s
                To: %s
                Subject: Re: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                De gegevens zijn verwijderd.
                """.formatted(Mails.AUTHSERV_ID, PAYNL, MailServer.HUB, Mails.subject(letter)));

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id).outcome() == Outcome.NEEDS_ATTENTION);
        assertThat(task(id).detail()).startsWith(ReplyHandler.UNEXPECTED + " (pay.example.com; not authenticated: "
                + Mails.AUTHSERV_ID + " says dmarc=fail)");
        awaitNotice(id);
    }

    @Test
    void theSameForgedReplyArrivingAgainChangesNothing() throws Exception {
        String id = submit("export", "forged.twice@example.nl", "FORGED-TWICE");
        MimeMessage letter = awaitLetter(id);
        String forged = """
                From: %s
                To: %s
                Subject: Re: %s
                Message-ID: <forged-twice@elsewhere.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                In de bijlage de gegevens.
                --b1
                Content-Type: application/json
                Content-Disposition: attachment; filename="klantgegevens.json"

                %s
                --b1--
                """.formatted(FORGER, MailServer.HUB, Mails.subject(letter), FORGED_DATA);
        Mails.sendRaw(mail, forged);
        awaitNotice(id);
        String detail = task(id).detail();

        Mails.sendRaw(mail, forged);
        Mails.awaitAllRead(mail);

        assertThat(fixture.hub().services().events.timeline(id)).filteredOn(e -> e.kind().equals("unexpected-reply")).hasSize(1);
        assertThat(filesUnder(fixture.dataDir.resolve("work").resolve(id).resolve(ReplyHandler.KEPT_ASIDE))).hasSize(1);
        assertThat(task(id).detail()).isEqualTo(detail);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> notices(id).size() == 1);
    }

    @Test
    void aReplyFromASubdomainOfTheProcessorsContactDomainSettlesTheTask() {
        String id = submit("erasure", "helpdesk.reply@example.nl", "HELPDESK-REPLY");
        MimeMessage letter = awaitLetter(id);

        mail.send("support@helpdesk.pay.example.com", MailServer.HUB, "Re: " + Mails.subject(letter), "De gegevens zijn verwijderd.", Map.of());

        fixture.awaitCompleted(id);
        assertThat(task(id).outcome()).isEqualTo(Outcome.ERASED);
    }

    // ------------------------------------------------------------------ helpers

    /** A request for Pay.nl only, dropped in the inbox (trusted: it is the officer's own folder). */
    private String submit(String type, String email, String reference) {
        fixture.drop(reference + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["paynl"], "reference": "%s" }
                """.formatted(type, Requests.now(), email, Requests.now(), reference));
        return fixture.awaitRequest(reference);
    }

    private MimeMessage awaitLetter(String id) {
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> new MailStore(fixture.hub().services().jdbc,
                java.time.Clock.systemUTC(), fixture.hub().services().events).letterOfTask(task(id).id())
                .map(MailStore.Letter::token).orElse(null), t -> t != null);
        tokens.add(token);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    private static String token(MimeMessage letter) {
        return Tokens.find(Mails.subject(letter)).orElseThrow();
    }

    private MimeMessage awaitNotice(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notices(id), l -> !l.isEmpty()).get(0);
    }

    private List<MimeMessage> notices(String id) {
        return Mails.to(mail, MailServer.OFFICER).stream().filter(m -> Mails.subject(m).equals("dsr-hub: unexpected-reply paynl " + id)).toList();
    }

    /** The one kept-aside file of that name for the request. */
    private Path keptAside(String id, String name) throws Exception {
        List<Path> files = filesUnder(fixture.dataDir.resolve("work").resolve(id).resolve(ReplyHandler.KEPT_ASIDE).resolve("paynl"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(name);
        return files.get(0);
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private TaskStore.TaskRow task(String id) {
        return fixture.hub().services().tasks.forRequest(id).stream().filter(t -> t.connector().equals("paynl")).findFirst().orElseThrow();
    }
}
