package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.DemoPeople.Person;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.Officer;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restriction of processing (art. 18) and its lifting, end to end: request files in the inbox, the database, real
 * HTTP to the simulators and SMTP to an embedded mail server (Pay.nl asked by letter, the subject's notice). The hub's
 * clock stands still until the test moves it past the notice period, so nothing is lifted before the test allows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictionEndToEndTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String LIFT_REASON = "De controle is afgerond: uw adresgegevens bleken juist.";
    static final List<String> BY_HAND = List.of("mollie", "moneybird", "eboekhouden", "sendcloud");

    MailServer mail;
    HubFixture fixture;
    Officer officer;
    final MovableClock clock = new MovableClock();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = HubFixture.create(dataDir).clock(clock);
        mail.settings().forEach(fixture::set);
        Map.of("dsr.connector.paynl.enabled", "true", "dsr.connector.paynl.privacy-contact", PAYNL,
                "dsr.delivery.enabled", "true", "dsr.restriction.lift-notice-period", "P14D").forEach(fixture::set);
        fixture.startHub();
        officer = new Officer(fixture);
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aRestrictionTellsEveryRecipientAndIsInTheRegisterWithItsReason() {
        Person jan = DemoPeople.JAN;
        String id = restrict(jan, "accuracy-contested");

        List<TaskRow> tasks = officer.awaitAnswered(id);

        assertThat(tasks).extracting(TaskRow::connector).containsExactlyInAnyOrder("woocommerce", "mailchimp", "laposta",
                "mollie", "moneybird", "eboekhouden", "sendcloud", "paynl");
        for (String c : List.of("woocommerce", "mailchimp", "laposta")) {
            assertThat(officer.task(id, c).outcome()).as(c).isEqualTo(Outcome.RESTRICTED);
        }
        // no API means to restrict: the officer tells them by hand and settles (art. 19)
        for (String c : BY_HAND) {
            assertThat(officer.task(id, c).outcome()).as(c).isEqualTo(Outcome.NEEDS_ATTENTION);
            assertThat(officer.task(id, c).detail()).as(c).contains("tell this recipient of the restriction by hand");
        }
        assertThat(officer.task(id, "paynl").outcome()).isEqualTo(Outcome.AWAITING_REPLY);
        assertThat(Mails.awaitTo(mail, PAYNL, 1)).anySatisfy(m ->
                assertThat(Mails.subject(m)).contains("Verzoek tot beperking van de verwerking"));
        assertThat(fixture.hub().services().restrictions.inForce(jan.email())).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(id);
            assertThat(r.reason()).isEqualTo(RestrictionReason.ACCURACY_CONTESTED);
        });
        assertRestrictedAtTheProcessors(jan, id);
        // the tag and the unsubscribe, as Mailchimp's published spec says they are asked for
        nl.dsrhub.demo.MailchimpContract.assertConforms(fixture.simulators.mailchimp.calls());
    }

    @Test
    void aLiftingTellsTheSubjectFirstAndOnlyAfterTheNoticePeriodUndoesTheRestriction() throws Exception {
        Person anna = DemoPeople.ANNA;
        String restriction = restrict(anna, "objection-pending");
        officer.awaitAnswered(restriction);
        officer.settleTheRest(restriction, Outcome.RESTRICTED);
        fixture.awaitCompleted(restriction);

        fixture.drop("lift-anna.json", RightsRequests.liftFile(anna.email(), "E2E-LIFT-ANNA", restriction, LIFT_REASON));
        String lift = fixture.awaitRequest("E2E-LIFT-ANNA");

        MimeMessage notice = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, anna.email()).stream()
                .filter(m -> Mails.subject(m).startsWith("Opheffing van de beperking")).findFirst().orElse(null), m -> m != null);
        assertThat(Mails.text(notice)).contains(LIFT_REASON, "niet eerder dan op", "not before", "artikel 18, lid 3, AVG");
        assertThat(restrictionOf(restriction).noticeSentAt()).isNotNull();
        // the clock stands still: the notice period does not pass, nothing is asked of any processor
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                liftCalls(anna).isEmpty() && officer.status(lift).equals(RequestStore.NOTICE_PERIOD));

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        officer.awaitAnswered(lift);

        Instant told = notice.getSentDate().toInstant();
        assertThat(liftCalls(anna)).isNotEmpty().allSatisfy(c -> assertThat(c.at()).isAfter(told));
        assertLiftedAtTheProcessors(anna);
        assertThat(officer.task(lift, "paynl").outcome()).isEqualTo(Outcome.AWAITING_REPLY);
        officer.settleTheRest(lift, Outcome.LIFTED);
        fixture.awaitCompleted(lift);
        Restriction ended = restrictionOf(restriction);
        assertThat(ended.inForce()).isFalse();
        assertThat(ended.liftRequestId()).isEqualTo(lift);
        assertThat(ended.noticeSentAt()).isBefore(ended.liftedAt());
    }

    @Test
    void aLiftingThatNamesNoRestrictionInForceIsRefusedNamingTheField() throws Exception {
        fixture.drop("lift-sanne.json", RightsRequests.liftFile(DemoPeople.SANNE.email(), "E2E-LIFT-NONE",
                "R20261120-XXXXXX", "Geen reden."));

        Path report = fixture.dataDir.resolve("error").resolve("lift-sanne.json.error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("/lift/restrictionRequestId", "names no restriction");
    }

    private String restrict(Person p, String reason) {
        String reference = "E2E-RESTRICT-" + p.firstName().toUpperCase();
        fixture.drop(reference.toLowerCase() + ".json", RightsRequests.restrictionFile(p.email(), reference, reason));
        return fixture.awaitRequest(reference);
    }

    private void assertRestrictedAtTheProcessors(Person p, String id) {
        for (String list : p.mailchimpListIds()) {
            String member = ".*/lists/" + list + "/members/" + p.subscriberHash();
            assertThat(fixture.mailchimp.callsMatching("POST", member + "/tags")).singleElement().satisfies(c ->
                    assertThat(c.requestBody()).contains("\"name\":\"AVG-beperking\",\"status\":\"active\""));
            assertThat(fixture.mailchimp.callsMatching("PATCH", member)).extracting(RecordedCall::requestBody)
                    .containsExactly("{\"status\":\"unsubscribed\"}");
        }
        assertThat(fixture.simulators.laposta.callsMatching("POST", ".*/member/" + Pattern.quote(p.email())))
                .extracting(RecordedCall::requestBody).containsExactlyInAnyOrder(
                        "list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&state=unsubscribed",
                        "list_id=" + LapostaSimulator.LIST_PANEL + "&state=unsubscribed");
        assertThat(fixture.woo.callsMatching("PUT", ".*/customers/" + p.wooCustomerId())).singleElement().satisfies(c ->
                assertThat(c.requestBody()).contains("dsr_restriction", "accuracy-contested", id));
        assertThat(fixture.woo.callsMatching("DELETE", ".*")).isEmpty();
    }

    /** The calls only a lifting makes: a re-subscribe, a mark removed, a list re-activated, the shop's flag emptied. */
    private List<RecordedCall> liftCalls(Person p) {
        List<RecordedCall> out = new java.util.ArrayList<>();
        fixture.mailchimp.callsMatching("PATCH", ".*/members/" + p.subscriberHash()).stream()
                .filter(c -> c.requestBody().contains("\"subscribed\"")).forEach(out::add);
        fixture.mailchimp.callsMatching("POST", ".*/members/" + p.subscriberHash() + "/tags").stream()
                .filter(c -> c.requestBody().contains("inactive")).forEach(out::add);
        fixture.simulators.laposta.callsMatching("POST", ".*/member/" + Pattern.quote(p.email())).stream()
                .filter(c -> c.requestBody().contains("state=active")).forEach(out::add);
        fixture.woo.callsMatching("PUT", ".*/customers/" + p.wooCustomerId()).stream()
                .filter(c -> c.requestBody().contains("\"value\":\"\"")).forEach(out::add);
        return out;
    }

    private void assertLiftedAtTheProcessors(Person p) {
        for (String list : p.mailchimpListIds()) {
            assertThat(fixture.mailchimp.memberStatus(list, p.email())).isEqualTo("subscribed");
            assertThat(fixture.mailchimp.memberTags(list, p.email())).doesNotContain("AVG-beperking");
        }
        assertThat(fixture.simulators.laposta.callsMatching("POST", ".*/member/" + Pattern.quote(p.email())))
                .extracting(RecordedCall::requestBody).filteredOn(b -> b.contains("state=active")).containsExactlyInAnyOrder(
                        "list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&state=active",
                        "list_id=" + LapostaSimulator.LIST_PANEL + "&state=active");
        assertThat(fixture.woo.callsMatching("PUT", ".*/customers/" + p.wooCustomerId())).hasSize(2).last().satisfies(c ->
                assertThat(c.requestBody()).isEqualTo("{\"meta_data\":[{\"key\":\"dsr_restriction\",\"value\":\"\"}]}"));
        for (String c : List.of("woocommerce", "mailchimp", "laposta")) {
            assertThat(liftTask(c).outcome()).as(c).isEqualTo(Outcome.LIFTED);
        }
    }

    private TaskRow liftTask(String connector) {
        String lift = fixture.awaitRequest("E2E-LIFT-ANNA");
        return officer.task(lift, connector);
    }

    private Restriction restrictionOf(String requestId) {
        return fixture.hub().services().restrictions.find(requestId).orElseThrow();
    }
}
