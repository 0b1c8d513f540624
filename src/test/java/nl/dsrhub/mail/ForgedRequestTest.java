package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.request.RequestConfirmations;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.CapturedLog;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged mail starts nothing: a request "from" the officer is planned at once only when the officer's own mail
 * server authenticated it (its topmost Authentication-Results header); any other is held until the officer
 * confirms it with the code mailed to the allow-listed address, on a real hub (H2 file, SMTP and IMAP through
 * GreenMail, HTTP to the simulators).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRequestTest {

    static final String FORGER = "attacker@elsewhere.example.com";
    static final Pattern CODE = Pattern.compile("CONFIRM-[2-9A-HJ-NP-Z]{26}");

    final MovableClock clock = new MovableClock();
    MailServer mail;
    HubFixture fixture;
    CapturedLog log;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        log = new CapturedLog();
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir).clock(clock);
        mail.settings().forEach(fixture::set);
        fixture.set("dsr.mail.authserv-id", Mails.AUTHSERV_ID);
        fixture.startHub();
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
        log.close();
    }

    /** No letter token and no confirmation code of these flows in any log line at INFO or above. */
    @AfterEach
    void noCodeInTheLog() {
        assertThat(log.infoAndAbove()).noneMatch(line -> CODE.matcher(line).find() || Tokens.find(line).isPresent());
    }

    @Test
    void aForgedRequestOverPlainSmtpIsHeldAndOnlyTheOfficerIsAskedToConfirmIt() throws Exception {
        Mails.sendRaw(mail, """
                From: Privacy <privacy@shop.example.nl>
                Reply-To: %s
                To: %s
                Subject: vergeetverzoek
                Message-ID: <forged-plain@elsewhere.example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s""".formatted(FORGER, MailServer.HUB, request("forged.plain@example.nl", "FORGED-PLAIN")));

        String id = fixture.awaitRequest("FORGED-PLAIN");
        MimeMessage ask = confirmationRequest(id);
        assertThat(Mails.text(ask)).contains(id, "erasure", "FORGED-PLAIN", "not authenticated",
                fixture.requests().row(id).orElseThrow().deadline().toLocalDate().toString()).containsPattern(CODE)
                .doesNotContain("forged.plain@example.nl");
        assertStaysHeldAndUntouched(id, "forged.plain@example.nl");
        assertThat(Mails.to(mail, FORGER)).isEmpty();
        assertThat(receipt(id).path("awaitingConfirmation").asBoolean()).isTrue();
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("held") && e.detail().startsWith("not authenticated: no Authentication-Results of "
                + Mails.AUTHSERV_ID) && !e.detail().contains("@"));
    }

    @Test
    void anAuthenticationResultsHeaderOfAnotherServerClaimingDmarcPassIsIgnored() {
        Mails.sendRaw(mail, """
                Authentication-Results: mx.elsewhere.example.com; dkim=pass header.d=shop.example.nl;
                    dmarc=pass (p=reject) header.from=shop.example.nl
                From: privacy@shop.example.nl
                To: %s
                Subject: vergeetverzoek
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s""".formatted(MailServer.HUB, request("forged.other.server@example.nl", "FORGED-OTHER-ID")));

        String id = fixture.awaitRequest("FORGED-OTHER-ID");
        confirmationRequest(id);
        assertStaysHeldAndUntouched(id, "forged.other.server@example.nl");
    }

    @Test
    void aDmarcPassOfOurServersIdBelowTheGenuineHeaderThatSaysFailIsIgnored() {
        // the receiving server adds its verdict on top; the one below came with the forged mail
        Mails.sendRaw(mail, """
                Authentication-Results: %1$s; spf=softfail smtp.mailfrom=elsewhere.example.com;
                    dkim=none; dmarc=fail (p=none dis=none) header.from=shop.example.nl
                Authentication-Results: %1$s; dmarc=pass (p=reject) header.from=shop.example.nl
                From: privacy@shop.example.nl
                To: %2$s
                Subject: vergeetverzoek
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %3$s""".formatted(Mails.AUTHSERV_ID, MailServer.HUB, request("forged.below@example.nl", "FORGED-BELOW")));

        String id = fixture.awaitRequest("FORGED-BELOW");
        confirmationRequest(id);
        assertStaysHeldAndUntouched(id, "forged.below@example.nl");
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("held") && e.detail().contains("dmarc=fail"));
    }

    @Test
    void aRequestAuthenticatedByOurServerIsPlannedAndCompletedAtOnce() {
        Mails.sendAuthenticated(mail, MailServer.OFFICER, "vergeetverzoek", request("authenticated.case@example.nl", "AUTHENTICATED"), Map.of());

        String id = fixture.awaitRequest("AUTHENTICATED");
        fixture.awaitCompleted(id);
        assertThat(callsAbout("authenticated.case@example.nl")).isNotEmpty();
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("authenticated")
                && e.detail().equals("authenticated by " + Mails.AUTHSERV_ID + ": dmarc=pass"));
        assertThat(timeline(id)).noneMatch(e -> e.kind().equals("held"));
        assertThat(Mails.to(mail, MailServer.OFFICER)).anyMatch(m -> Mails.subject(m).contains("Request received: " + id));
    }

    @Test
    void theSameRequestMailedAgainAuthenticatedConfirmsTheHeldOne() {
        String body = request("authenticated.again@example.nl", "AUTHENTICATED-AGAIN");
        mail.send(MailServer.OFFICER, MailServer.HUB, "vergeetverzoek", body, Map.of());
        String id = fixture.awaitRequest("AUTHENTICATED-AGAIN");
        confirmationRequest(id);

        Mails.sendAuthenticated(mail, MailServer.OFFICER, "vergeetverzoek", body, Map.of());

        fixture.awaitCompleted(id);
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("confirmed")
                && e.detail().equals("confirmed by an authenticated mail (authenticated by " + Mails.AUTHSERV_ID + ": dmarc=pass)"));
        assertThat(fixture.requests().all()).filteredOn(r -> "AUTHENTICATED-AGAIN".equals(r.reference())).hasSize(1);
    }

    @Test
    void aReplyWithTheCodeConfirmsTheHeldRequestWhichThenRunsToCompletion() throws Exception {
        String id = mailUnauthenticated("confirmed.by.reply@example.nl", "CONFIRM-BY-REPLY");
        MimeMessage ask = confirmationRequest(id);

        reply(ask);

        fixture.awaitCompleted(id);
        assertThat(callsAbout("confirmed.by.reply@example.nl")).isNotEmpty();
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("confirmed") && e.detail().equals("confirmed by reply"));
        assertThat(Mails.to(mail, MailServer.OFFICER)).anyMatch(m -> Mails.subject(m).equals("Verzoek bevestigd / Request confirmed: " + id));
        assertThat(receipt(id).has("awaitingConfirmation")).isFalse();
    }

    @Test
    void aWrongCodeConfirmsNothingAndTheAnswerSaysWhy() {
        String id = mailUnauthenticated("wrong.code@example.nl", "WRONG-CODE");
        confirmationRequest(id);
        int before = nothingConfirmed().size();

        mail.send(MailServer.OFFICER, MailServer.HUB, "Re: bevestiging", "Ja: CONFIRM-" + "A".repeat(26), Map.of());

        MimeMessage answer = awaitNothingConfirmed(before);
        assertThat(Mails.text(answer)).contains("This code is not valid").doesNotContain(id);
        assertStaysHeldAndUntouched(id, "wrong.code@example.nl");
    }

    @Test
    void aUsedCodeConfirmsNothingTheSecondTime() {
        String id = mailUnauthenticated("used.code@example.nl", "USED-CODE");
        MimeMessage ask = confirmationRequest(id);
        reply(ask);
        await().atMost(Duration.ofSeconds(30)).until(() -> !status(id).equals(RequestStore.AWAITING_CONFIRMATION));
        int before = nothingConfirmed().size();

        reply(ask);

        assertThat(Mails.text(awaitNothingConfirmed(before))).contains("This code was used already");
        assertThat(timeline(id)).filteredOn(e -> e.kind().equals("confirmed")).hasSize(1);
    }

    @Test
    void anExpiredCodeConfirmsNothing() {
        String id = mailUnauthenticated("expired.code@example.nl", "EXPIRED-CODE");
        MimeMessage ask = confirmationRequest(id);
        int before = nothingConfirmed().size();

        clock.advance(Duration.ofHours(73));
        reply(ask);

        assertThat(Mails.text(awaitNothingConfirmed(before))).contains("This code has expired");
        assertStaysHeldAndUntouched(id, "expired.code@example.nl");
    }

    @Test
    void theCodeFromAnAddressNotOnTheAllowListConfirmsNothingAndIsNotAnswered() {
        String id = mailUnauthenticated("stranger.code@example.nl", "STRANGER-CODE");
        String code = code(confirmationRequest(id));
        MailStore store = new MailStore(fixture.hub().services().jdbc, clock, fixture.hub().services().events);
        long refused = store.seenMails().stream().filter(s -> s.kind().equals("refused")).count();

        mail.send(FORGER, MailServer.HUB, "Re: bevestiging", "Confirmed: " + code, Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> store.seenMails().stream().filter(s -> s.kind().equals("refused")).count() > refused);
        assertStaysHeldAndUntouched(id, "stranger.code@example.nl");
        assertThat(Mails.to(mail, FORGER)).isEmpty();
    }

    @Test
    void discardClosesAHeldRequestWithoutAnyProcessorCallAndDeletesItsPersonalData() {
        String id = mailUnauthenticated("discarded.case@example.nl", "DISCARDED");
        MimeMessage ask = confirmationRequest(id);
        RequestConfirmations confirmations = fixture.hub().services().confirmations;

        RequestConfirmations.Result result = confirmations.discard(id, "not sent by the officer");

        assertThat(result.kind()).isEqualTo(RequestConfirmations.Kind.DISCARDED);
        RequestStore.RequestRow row = fixture.requests().row(id).orElseThrow();
        assertThat(row.status()).isEqualTo(RequestStore.DISCARDED);
        assertThat(row.reference()).isNull();
        assertThat(fixture.hub().services().jdbc.query("SELECT 1 FROM dsr_request WHERE id = ? AND document IS NULL "
                + "AND purged_at IS NOT NULL", rs -> 1, id)).as("the request document purged").hasSize(1);
        assertThat(fixture.requests().identifiers(id)).isEmpty();
        assertThat(fixture.outbox(id)).doesNotExist();
        assertThat(confirmations.held()).noneMatch(r -> r.id().equals(id));
        assertThat(fixture.requests().open()).noneMatch(r -> r.id().equals(id));
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("discarded") && e.detail().endsWith("not sent by the officer"));
        // its code is worthless now, and it cannot be confirmed another way either
        int before = nothingConfirmed().size();
        reply(ask);
        assertThat(Mails.text(awaitNothingConfirmed(before))).contains("This code is not valid");
        assertThat(confirmations.confirm(id, "on the dashboard").kind()).isEqualTo(RequestConfirmations.Kind.NOT_HELD);
        assertStaysUntouched(id, "discarded.case@example.nl", RequestStore.DISCARDED);
    }

    @Test
    void aHeldRequestConfirmedOnTheDashboardIsPlannedByTheRunningHub() {
        String id = mailUnauthenticated("dashboard.confirm@example.nl", "DASHBOARD-CONFIRM");
        confirmationRequest(id);

        RequestConfirmations.Result result = fixture.hub().services().confirmations.confirm(id, "on the dashboard");

        assertThat(result.done()).isTrue();
        fixture.awaitCompleted(id);
        assertThat(timeline(id)).anyMatch(e -> e.kind().equals("confirmed") && e.detail().equals("confirmed on the dashboard"));
        assertThat(fixture.hub().services().confirmations.confirm(id, "on the dashboard").kind())
                .isEqualTo(RequestConfirmations.Kind.NOT_HELD);
    }

    // ------------------------------------------------------------------ helpers

    /** A request as the officer writes it in a mail's body. */
    private static String request(String email, String reference) {
        return """
                type: erasure
                receivedAt: "%1$s"
                subject:
                  email: %2$s
                  name: Test Persoon
                verification:
                  method: known-email
                  verifiedBy: privacy@shop.example.nl
                  verifiedAt: "%1$s"
                processors: all
                reference: %3$s
                """.formatted(Requests.now(), email, reference);
    }

    /** The officer's address over plain SMTP, no Authentication-Results: as a forger or an unauthenticated officer sends. */
    private String mailUnauthenticated(String email, String reference) {
        mail.send(MailServer.OFFICER, MailServer.HUB, "vergeetverzoek", request(email, reference), Map.of());
        return fixture.awaitRequest(reference);
    }

    private MimeMessage confirmationRequest(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, MailServer.OFFICER).stream()
                .filter(m -> Mails.subject(m).equals("Bevestig uw verzoek / Confirm your request: " + id)).findFirst().orElse(null), m -> m != null);
    }

    private static String code(MimeMessage ask) {
        Matcher m = CODE.matcher(Mails.text(ask));
        assertThat(m.find()).as("a code in the confirmation request").isTrue();
        return m.group();
    }

    /** The officer answers the hub's mail as a mail program does: "Re:" and the mail quoted. */
    private void reply(MimeMessage ask) {
        String quoted = Mails.text(ask).lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");
        mail.send(MailServer.OFFICER, MailServer.HUB, "Re: " + Mails.subject(ask), "Ja, dat was ik.\n\n" + quoted, Map.of());
    }

    private List<MimeMessage> nothingConfirmed() {
        return Mails.to(mail, MailServer.OFFICER).stream().filter(m -> Mails.subject(m).startsWith("Niets bevestigd")).toList();
    }

    private MimeMessage awaitNothingConfirmed(int before) {
        return await().atMost(Duration.ofSeconds(30)).until(this::nothingConfirmed, l -> l.size() > before).get(before);
    }

    /** Held over several sweeps of the running hub: no task, no call to any processor about the person. */
    private void assertStaysHeldAndUntouched(String id, String email) {
        assertStaysUntouched(id, email, RequestStore.AWAITING_CONFIRMATION);
    }

    private void assertStaysUntouched(String id, String email, String status) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> status(id).equals(status)
                && fixture.hub().services().tasks.forRequest(id).isEmpty() && callsAbout(email).isEmpty());
    }

    private com.fasterxml.jackson.databind.JsonNode receipt(String id) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixture.outbox(id).resolve("receipt.json").toFile());
    }

    private String status(String id) {
        return fixture.requests().row(id).orElseThrow().status();
    }

    /** Calls to any simulated processor that name the person (in the path, query or body). */
    private List<String> callsAbout(String email) {
        String hash = md5(email);
        return fixture.simulators.all().stream().flatMap(s -> s.calls().stream())
                .map(c -> c.method() + " " + c.path() + "?" + java.net.URLDecoder.decode(String.valueOf(c.rawQuery()),
                        java.nio.charset.StandardCharsets.UTF_8) + " " + c.requestBody())
                .filter(c -> c.contains(email) || c.contains(hash)).toList();
    }

    private static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<EventLog.Event> timeline(String id) {
        return fixture.hub().services().events.timeline(id);
    }
}
