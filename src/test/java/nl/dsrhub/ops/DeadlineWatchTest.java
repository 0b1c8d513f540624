package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.web.AccessToken;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deadline watch raises each level once; the token and key files are the owner's only. */
class DeadlineWatchTest {

    @TempDir
    Path dir;

    @Test
    void levelsFollowTheDueDateInDutchTime() {
        DeadlineWatch watch = new DeadlineWatch(null, null, null, Clock.systemUTC(), 5);
        java.time.LocalDate due = java.time.LocalDate.of(2026, 12, 20);
        assertThat(watch.level(due, OffsetDateTime.parse("2026-12-14T23:00:00+01:00"))).isNull();
        assertThat(watch.level(due, OffsetDateTime.parse("2026-12-15T00:00:00+01:00"))).isEqualTo(DeadlineWatch.DUE_SOON);
        // the whole due date is in time, to its last minute in Amsterdam
        assertThat(watch.level(due, OffsetDateTime.parse("2026-12-20T23:59:00+01:00"))).isEqualTo(DeadlineWatch.DUE_SOON);
        // 23:30 UTC on the 20th is already the 21st in Amsterdam
        assertThat(watch.level(due, OffsetDateTime.parse("2026-12-20T23:30:00Z"))).isEqualTo(DeadlineWatch.OVERDUE);
    }

    @Test
    void eachRequestIsRaisedOncePerLevelWithoutPersonalData() {
        // the test requests were received on 2026-11-20: due 2026-12-20
        try (Services s = services()) {
            String id = s.requests.store(Requests.erasure(DemoPeople.ANNA.email())).requestId();
            OfficerNotices notices = new OfficerNotices(s.jdbc, Clock.systemUTC());

            assertThat(watchAt(s, notices, "2026-12-01T10:00:00Z").check()).isEmpty();
            var soon = watchAt(s, notices, "2026-12-17T10:00:00Z").check();
            assertThat(soon).singleElement().satisfies(n -> {
                assertThat(n.level()).isEqualTo(DeadlineWatch.DUE_SOON);
                assertThat(n.message()).contains(id).contains("due on 2026-12-20").doesNotContain(DemoPeople.ANNA.email());
            });
            assertThat(notices.record(soon.get(0))).isTrue();
            assertThat(notices.record(soon.get(0))).isFalse();
            assertThat(watchAt(s, notices, "2026-12-18T10:00:00Z").check()).isEmpty();

            var overdue = watchAt(s, notices, "2026-12-21T10:00:00Z").check();
            assertThat(overdue).singleElement().satisfies(n -> assertThat(n.message()).contains("OVERDUE"));
            assertThat(notices.record(overdue.get(0))).isTrue();
            assertThat(notices.recent(10)).hasSize(2);
        }
    }

    @Test
    void aHeldRequestIsRaisedAsAwaitingTheOfficersConfirmationAndADiscardedOneNotAtAll() {
        try (Services s = services()) {
            String held = s.requests.store(Requests.erasure(DemoPeople.EVA.email()),
                    nl.dsrhub.store.RequestStore.Admission.held("not authenticated")).requestId();
            String discarded = s.requests.store(Requests.erasure(DemoPeople.JAN.email()),
                    nl.dsrhub.store.RequestStore.Admission.held("not authenticated")).requestId();
            s.confirmations.discard(discarded, "not sent by the officer");

            var soon = watchAt(s, new OfficerNotices(s.jdbc, Clock.systemUTC()), "2026-12-17T10:00:00Z").check();

            assertThat(soon).singleElement().satisfies(n -> {
                assertThat(n.requestId()).isEqualTo(held);
                assertThat(n.message()).contains("due on 2026-12-20", "awaits your confirmation", "nothing was sent")
                        .doesNotContain("being written");
            });
        }
    }

    @Test
    void anObjectionHeldForTheOfficersDecisionCountsAgainstItsDeadlineAndSaysWhatIsAwaited() {
        try (Services s = services()) {
            String held = s.requests.store(nl.dsrhub.testing.RightsRequests.objection(DemoPeople.KEES.email(),
                    "particular-situation", "Ik word lastiggevallen.")).requestId();
            new nl.dsrhub.plan.Planner(s.catalog, s.requests, s.tasks, s.events, s.jdbc, s.rightsOnPlanning).plan(held);
            java.time.LocalDate due = s.requests.row(held).orElseThrow().dueDate();

            var soon = watchAt(s, new OfficerNotices(s.jdbc, Clock.systemUTC()), due.minusDays(2) + "T10:00:00Z").check();

            assertThat(soon).singleElement().satisfies(n -> {
                assertThat(n.requestId()).isEqualTo(held);
                assertThat(n.level()).isEqualTo(DeadlineWatch.DUE_SOON);
                assertThat(n.message()).contains("due on " + due, "awaits your decision on the objection", "uphold", "refuse")
                        .doesNotContain("lastiggevallen", DemoPeople.KEES.email());
            });
        }
    }

    @Test
    void tokenAndLedgerKeyAreMadeOnceAndReadableByTheOwnerOnly() throws Exception {
        try (Services s = services()) {
            AccessToken token = AccessToken.fromDataDir(dir);
            assertThat(AccessToken.fromDataDir(dir).value()).isEqualTo(token.value()).hasSize(64);
            for (String f : new String[] {"dashboard.token", "ledger.key", "db.password"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).isEqualTo("rw-------");
            }
            assertThat(token.matches(token.value())).isTrue();
            assertThat(token.matches(token.value() + "x")).isFalse();
            assertThat(token.matches(null)).isFalse();
            assertThat(token.isBearer("Bearer " + token.value())).isTrue();
            assertThat(token.isBearer(token.value())).isFalse();
        }
    }

    private Services services() {
        return Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(),
                "dsr.connectors.dir", dir.resolve("none").toString()), Map.of()), Clock.systemUTC(), false);
    }

    private static DeadlineWatch watchAt(Services s, OfficerNotices notices, String instant) {
        return new DeadlineWatch(s.requests, s.tasks, notices, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), 5);
    }
}
