package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop the hub while erasure calls are in flight, start a new one on the same data dir: every
 * request completes, and every erasure call reached its processor exactly once.
 */
class RestartTest {

    private static final List<DemoPeople.Person> PEOPLE = List.of(DemoPeople.JAN, DemoPeople.EVA, DemoPeople.ANNA,
            DemoPeople.KEES, DemoPeople.MARJAN, DemoPeople.LOTTE, DemoPeople.DAAN, DemoPeople.PIETER);

    @TempDir
    Path dataDir;

    @Test
    void stopWhileErasingAndRestartCompletesEveryRequestWithEachErasureCallOnce() throws Exception {
        // slow processors, so that the stop lands while erasure calls are under way
        try (HubFixture fixture = HubFixture.start(dataDir, Map.of("camel.main.shutdown-timeout", "1"))) {
            // memberships as seeded, before anything is erased
            long lapostaMemberships = PEOPLE.stream().mapToLong(p -> fixture.simulators.laposta.listIds().stream()
                    .filter(l -> fixture.simulators.laposta.memberExists(l, p.email())).count()).sum();
            fixture.woo.latency(Duration.ofMillis(800));
            fixture.mailchimp.latency(Duration.ofMillis(800));
            for (DemoPeople.Person p : PEOPLE) {
                fixture.drop("erase-" + p.firstName().toLowerCase() + ".json",
                        Requests.file("erasure", p.email(), Requests.now(), "RESTART-" + p.firstName()));
            }
            List<String> ids = new ArrayList<>();
            for (DemoPeople.Person p : PEOPLE) {
                ids.add(fixture.awaitRequest("RESTART-" + p.firstName()));
            }
            // wait until an erasure call has been sent and its answer not yet recorded
            await().atMost(Duration.ofSeconds(60)).until(() -> unansweredCalls(fixture.hub().services().jdbc) > 0);

            fixture.stopHub();
            try (Database db = Database.openDefault(dataDir, 2)) {
                assertThat(db.jdbc().queryOne("SELECT COUNT(*) FROM dsr_request WHERE status <> 'COMPLETED'",
                        rs -> rs.getInt(1)).orElseThrow()).as("requests still open at the stop").isPositive();
            }
            int callsBeforeRestart = erasureCalls(fixture).size();
            fixture.startHub();

            for (String id : ids) {
                fixture.awaitCompleted(id);
                assertThat(fixture.outbox(id).resolve("confirmation.json")).exists();
            }
            List<RecordedCall> erasures = erasureCalls(fixture);
            Map<String, Long> perTarget = erasures.stream()
                    .collect(Collectors.groupingBy(c -> c.method() + " " + c.path(), Collectors.counting()));
            assertThat(perTarget).as("erasure calls per target").allSatisfy((target, n) -> assertThat(n).as(target).isEqualTo(1));
            assertThat(callsBeforeRestart).isLessThan(erasures.size());
            // everyone with a shop account and every audience membership was erased
            long shopAccounts = PEOPLE.stream().filter(p -> p.wooCustomerId() != null).count();
            long memberships = PEOPLE.stream().mapToLong(p -> p.mailchimpListIds().size()).sum();
            assertThat(lapostaMemberships).isPositive();
            assertThat(PEOPLE).allSatisfy(p -> assertThat(fixture.simulators.laposta.listIds())
                    .noneMatch(l -> fixture.simulators.laposta.memberExists(l, p.email())));
            assertThat(erasures).hasSize((int) (shopAccounts + memberships + lapostaMemberships));
            assertThat(PEOPLE).allSatisfy(p -> assertThat(fixture.mailchimp.listsOf(p.email())).isEmpty());
            assertThat(Files.list(dataDir.resolve("inbox")).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
    }

    private static int unansweredCalls(Jdbc jdbc) {
        return jdbc.queryOne("SELECT COUNT(*) FROM dsr_call WHERE state = 'SENT'", rs -> rs.getInt(1)).orElse(0);
    }

    private static List<RecordedCall> erasureCalls(HubFixture fixture) {
        List<RecordedCall> out = new ArrayList<>(fixture.woo.callsMatching("DELETE", ".*/customers/.*"));
        out.addAll(fixture.mailchimp.callsMatching("POST", ".*/actions/delete-permanent"));
        out.addAll(fixture.simulators.laposta.callsMatching("DELETE", ".*/member/.*").stream()
                .map(c -> new RecordedCall(c.method(), c.path() + "?" + c.rawQuery(), c.rawQuery(), c.requestHeaders(),
                        c.requestBody(), c.status(), c.responseContentType(), c.responseBody(), c.at())).toList());
        return out;
    }
}
