package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.Identifiers;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import nl.dsrhub.store.RestrictionScope;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the new rights record or wait for when the planner takes them, and what a restriction's and a lifting's
 * completion records: on the stores and registers of a real H2 database, with the shipped connectors.
 */
class RightsOnPlanningTest {

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    Services services;
    Planner planner;

    @BeforeEach
    void open() {
        services = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(), "dsr.connectors.dir",
                dir.resolve("none").toString()), Map.of()), clock, false);
        planner = new Planner(services.catalog, services.requests, services.tasks, services.events, services.jdbc,
                services.rightsOnPlanning);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aRestrictionIsInForceWithItsReasonFromTheMomentItIsPlanned() {
        String id = store(RightsRequests.restriction("beperkt@example.nl", "accuracy-contested"));

        planner.plan(id);

        assertThat(services.restrictions.inForce("beperkt@example.nl")).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(id);
            assertThat(r.reason()).isEqualTo(RestrictionReason.ACCURACY_CONTESTED);
        });
        assertThat(status(id)).isEqualTo(RequestStore.PLANNED);
        assertThat(services.tasks.forRequest(id)).isNotEmpty();
        assertThat(kinds(id)).contains("restriction-recorded");
    }

    @Test
    void aHeldRestrictionIsNotInForceUntilTheOfficerConfirmsIt() {
        String id = services.requests.store(RightsRequests.restriction("ongevraagd@example.nl", "legal-claims"),
                RequestStore.Admission.held("not authenticated")).requestId();

        planner.plan(id);

        assertThat(services.restrictions.inForce("ongevraagd@example.nl")).isEmpty();
    }

    @Test
    void anObjectionToDirectMarketingPutsTheAddressInTheSuppressionRegisterWhenPlanned() {
        String id = store(RightsRequests.objection("geen.reclame@example.nl", "direct-marketing", null));

        planner.plan(id);

        assertThat(services.suppression.entry("Geen.Reclame@example.nl")).hasValueSatisfying(e ->
                assertThat(e.requestId()).isEqualTo(id));
        assertThat(status(id)).isEqualTo(RequestStore.PLANNED);
        // only where marketing is sent from: the shop sends none without its newsletter plugin
        assertThat(services.tasks.forRequest(id)).extracting(t -> t.connector()).containsExactlyInAnyOrder("mailchimp", "laposta");
    }

    @Test
    void anObjectionOnGroundsOfAParticularSituationWaitsForTheOfficerWithNoTask() {
        String id = store(RightsRequests.objection("bezwaar@example.nl", "particular-situation", "Ik word gestalkt."));

        planner.plan(id);

        assertThat(status(id)).isEqualTo(RequestStore.AWAITING_DECISION);
        assertThat(services.tasks.forRequest(id)).isEmpty();
        assertThat(services.suppression.isSuppressed("bezwaar@example.nl")).isFalse();
        assertThat(services.events.timeline(id)).filteredOn(e -> e.kind().equals("held")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("art. 21(1)", "uphold", "refuse"));
    }

    @Test
    void aLiftingWaitsForItsNoticePeriodThenGetsWhatTheRestrictionChangedAndEndsItWhenCompleted() {
        String email = "opheffen@example.nl";
        String restriction = store(RightsRequests.restriction(email, "objection-pending"));
        planner.plan(restriction);
        // Laposta's restriction task found the lists it unsubscribed the person from
        Identifiers.addAll(services.jdbc, restriction, Map.of("laposta.restrictedList", List.of("L1", "L2")), "laposta", 10);
        complete(restriction);
        assertThat(RestrictionScope.of(services.jdbc, restriction)).containsEntry("laposta.restrictedList", List.of("L1", "L2"));

        String lift = store(RightsRequests.lift(email, restriction, "Het bezwaar is afgewezen."));
        planner.plan(lift);
        assertThat(status(lift)).isEqualTo(RequestStore.NOTICE_PERIOD);
        assertThat(services.tasks.forRequest(lift)).isEmpty();

        services.restrictions.noticeSent(restriction, OffsetDateTime.now(clock));
        replan(lift);
        assertThat(status(lift)).as("told, but the period has not passed").isEqualTo(RequestStore.NOTICE_PERIOD);

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        replan(lift);
        assertThat(status(lift)).isEqualTo(RequestStore.PLANNED);
        assertThat(services.requests.identifiers(lift)).containsEntry("laposta.restrictedList", List.of("L1", "L2"));

        complete(lift);
        Restriction ended = services.restrictions.find(restriction).orElseThrow();
        assertThat(ended.inForce()).isFalse();
        assertThat(ended.liftRequestId()).isEqualTo(lift);
        assertThat(RestrictionScope.of(services.jdbc, restriction)).isEmpty();
    }

    @Test
    void aLiftingWaitsForItsRestrictionRequestToBeDoneEvenAfterThePeriod() {
        String email = "nog.bezig@example.nl";
        String restriction = store(RightsRequests.restriction(email, "unlawful-processing"));
        planner.plan(restriction);
        String lift = store(RightsRequests.lift(email, restriction, "De verwerking is rechtmatig gebleken."));
        services.restrictions.noticeSent(restriction, OffsetDateTime.now(clock));
        clock.advance(Duration.ofDays(15));

        planner.plan(lift);

        assertThat(services.rightsOnPlanning.liftMayGo(services.requests.get(lift))).isFalse();
        assertThat(status(lift)).isEqualTo(RequestStore.NOTICE_PERIOD);
    }

    @Test
    void whatARestrictionKeepsForItsLiftingIsWhatALiftStepRunsOverThatItsConnectorProvides() {
        // Laposta keeps no mark of its own; Mailchimp's tag and the shop's flag are found again at the processor
        assertThat(RightsOnCompletion.scopeNames(services.catalog))
                .containsExactly(Map.entry(nl.dsrhub.model.RequestType.RESTRICTION, java.util.Set.of("laposta.restrictedList")));
    }

    private String store(DsrRequest request) {
        return services.requests.store(request).requestId();
    }

    private String status(String id) {
        return services.requests.row(id).orElseThrow().status();
    }

    private List<String> kinds(String id) {
        return services.events.timeline(id).stream().map(e -> e.kind()).toList();
    }

    /** As the lift-notices route releases a lifting: back to RECEIVED, planned again. */
    private void replan(String id) {
        services.requests.transition(id, RequestStore.NOTICE_PERIOD, RequestStore.RECEIVED);
        planner.plan(id);
    }

    /** As the result stage completes a request: its completed event in the transaction that completes it. */
    private void complete(String id) {
        services.requests.transition(id, RequestStore.PLANNED, RequestStore.COMPLETING);
        assertThat(services.requests.complete(id, tx -> services.events.record(tx, id, null, "completed", "test"))).isTrue();
    }
}
