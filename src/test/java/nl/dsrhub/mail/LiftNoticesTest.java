package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Representative;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.plan.Planner;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Art. 18(3) with delivery off: the notice of a lifting is written for the officer, recorded in the restriction register
 * and the timeline, and the lifting is released only after the notice period (a real H2 store; mailing is in
 * RestrictionEndToEndTest). And the notice's words.
 */
class LiftNoticesTest {

    static final String SUBJECT = "opheffing@example.nl";
    static final String REASON = "De controle is afgerond: uw gegevens bleken juist.";

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    Services services;
    LiftNotices notices;
    String restriction;

    @BeforeEach
    void open() {
        services = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(), "dsr.connectors.dir",
                dir.resolve("none").toString(), "dsr.restriction.lift-notice-period", "P14D"), Map.of()), clock, false);
        MailSettings mailOff = MailSettings.from(services.config);
        notices = new LiftNotices(mailOff, new MailSender(() -> null, mailOff), new Controller("Testwinkel B.V.",
                "Proefstraat 1, 1234 AB Teststad", "privacy@shop.example.nl"), services.requests, services.restrictions,
                services.rightsOnPlanning, services.events, services.jdbc, services.outbox(), clock);
        restriction = services.requests.store(RightsRequests.restriction(SUBJECT, "accuracy-contested")).requestId();
        services.restrictions.record(restriction, SUBJECT, RestrictionReason.ACCURACY_CONTESTED, OffsetDateTime.now(clock));
        // the restriction request itself no longer open (how it ended is not the point here): a lifting may follow it
        services.requests.transition(restriction, RequestStore.RECEIVED, RequestStore.DISCARDED);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void theSubjectIsToldOnceAndTheLiftingReleasedOnlyAfterTheNoticePeriod() throws Exception {
        String lift = waitingLift();

        assertThat(notices.noticeDue()).isOne();
        assertThat(notices.noticeDue()).as("told once").isZero();

        Path notice = services.outbox().resolve(lift).resolve(LiftNotices.FILE);
        assertThat(Files.readString(notice)).contains(REASON, "artikel 18, lid 3, AVG", "article 18(3) GDPR");
        assertThat(services.restrictions.find(restriction).orElseThrow().noticeSentAt()).isNotNull();
        assertThat(services.events.timeline(lift)).filteredOn(e -> e.kind().equals("lift-notified")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("hand it to the subject at once", restriction));
        assertThat(notices.releaseDue()).as("the period has not passed").isEmpty();

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        assertThat(notices.releaseDue()).containsExactly(lift);
        assertThat(services.requests.row(lift).orElseThrow().status()).isEqualTo(RequestStore.RECEIVED);
    }

    @Test
    void theNoticeSaysWhyAndFromWhenInBothLanguagesAndToTheRepresentativeAsSuch() {
        DsrRequest lift = RightsRequests.lift(SUBJECT, "R20261120-ABCDEF", REASON);
        DsrRequest byParent = new DsrRequest(lift.id(), lift.type(), lift.receivedAt(), lift.deadline(), lift.subject(),
                lift.verification(), lift.delivery(), lift.processors(), lift.reference(), lift.source(), lift.fingerprint(),
                new Representative("Petra Ouder", "ouder@example.nl", Representative.PARENT, "privacy@shop.example.nl",
                        OffsetDateTime.now(), "geboorteakte gezien"), lift.particulars());

        LiftNoticeText text = LiftNoticeText.of(byParent, LocalDate.of(2026, 12, 14), new Controller("Testwinkel B.V.", "",
                "privacy@shop.example.nl"));

        assertThat(text.subject()).isEqualTo("Opheffing van de beperking van uw gegevens / Lifting of the restriction of your data");
        assertThat(text.text()).contains("niet eerder dan op 14 december 2026", "not before 14 December 2026",
                "De reden: " + REASON, "The reason: " + REASON, "R20261120-ABCDEF", "(privacy@shop.example.nl)",
                "als ouder (wettelijk vertegenwoordiger) van de betrokkene", "as the data subject's parent (legal representative)",
                "Testwinkel B.V.").doesNotContain(SUBJECT, "Petra");
    }

    private String waitingLift() {
        String lift = services.requests.store(RightsRequests.lift(SUBJECT, restriction, REASON)).requestId();
        new Planner(services.catalog, services.requests, services.tasks, services.events, services.jdbc,
                services.rightsOnPlanning).plan(lift);
        assertThat(services.requests.row(lift).orElseThrow().status()).isEqualTo(RequestStore.NOTICE_PERIOD);
        return lift;
    }
}
