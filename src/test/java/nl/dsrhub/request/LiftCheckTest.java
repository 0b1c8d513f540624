package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lifting is taken in only when it names a restriction in force of its own subject (the intake, on a real H2 store). */
class LiftCheckTest {

    static final String SUBJECT = "beperkt@example.nl";

    @TempDir
    Path dir;

    Services services;
    String restriction;

    @BeforeEach
    void open() {
        services = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(), "dsr.connectors.dir",
                dir.resolve("none").toString()), Map.of()), java.time.Clock.systemDefaultZone(), false);
        restriction = services.requests.store(RightsRequests.restriction(SUBJECT, "accuracy-contested")).requestId();
        services.restrictions.record(restriction, SUBJECT, RestrictionReason.ACCURACY_CONTESTED, OffsetDateTime.now());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aLiftingOfTheSubjectsOwnRestrictionInForceIsTakenIn() {
        Intake.Result r = lift(SUBJECT, restriction, "LIFT-OWN");

        assertThat(r.accepted()).isTrue();
        assertThat(services.requests.get(r.requestId()).particulars().lift().restrictionRequestId()).isEqualTo(restriction);
    }

    @Test
    void aLiftingNamingNoRestrictionIsRefusedNamingTheField() {
        Intake.Result r = lift(SUBJECT, "R20261120-NOPE00", "LIFT-NONE");

        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/lift/restrictionRequestId");
            assertThat(p.message()).startsWith("names no restriction: request R20261120-NOPE00 recorded none");
        });
    }

    @Test
    void aLiftingOfSomeoneElsesRestrictionIsRefusedWithoutNamingEitherPerson() {
        Intake.Result r = lift("iemand.anders@example.nl", restriction, "LIFT-OTHER");

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/lift/restrictionRequestId");
            assertThat(p.message()).contains("a restriction of another person").doesNotContain("@");
        });
    }

    @Test
    void aLiftingOfARestrictionLiftedAlreadyIsRefused() {
        services.restrictions.noticeSent(restriction, OffsetDateTime.now().minusDays(20));
        services.restrictions.lifted(restriction, "R20261101-EARLY0", OffsetDateTime.now());

        assertThat(lift(SUBJECT, restriction, "LIFT-LATE").problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("names a restriction that was lifted already, by request R20261101-EARLY0"));
    }

    @Test
    void aSecondLiftingWhileOneIsUnderWayIsRefusedButTheSameFileAgainIsTheSameRequest() {
        String file = RightsRequests.liftFile(SUBJECT, "LIFT-FIRST", restriction, "Gecontroleerd.");
        Intake.Result first = services.intake.accept("first.json", file.getBytes(StandardCharsets.UTF_8));

        Intake.Result again = services.intake.accept("first.json", file.getBytes(StandardCharsets.UTF_8));
        Intake.Result second = lift(SUBJECT, restriction, "LIFT-SECOND");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.requestId()).isEqualTo(first.requestId());
        assertThat(second.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("names a restriction whose lifting is under way already, by request " + first.requestId()
                        + ": one lifting at a time"));
    }

    private Intake.Result lift(String email, String restrictionId, String reference) {
        return services.intake.accept(reference + ".json", RightsRequests.liftFile(email, reference, restrictionId,
                "De gegevens bleken juist.").getBytes(StandardCharsets.UTF_8));
    }
}
