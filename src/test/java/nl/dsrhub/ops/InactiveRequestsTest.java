package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request nobody moves on is not kept open for ever with the person's data: after the purge period (30 days) without
 * progress it is closed, the officer having been told a week before; it stays visible as closed in {@code status} and
 * in the register, and the officer is told the subject is still owed an answer. A real hub living through the weeks
 * on a clock the test moves forward.
 */
class InactiveRequestsTest {

    @TempDir
    Path dataDir;

    final MovableClock clock = new MovableClock();
    HubFixture fixture;
    String id;

    @BeforeEach
    void aRequestWaitingForTheOfficer() {
        fixture = HubFixture.create(dataDir).clock(clock).set("dsr.purge.after-days", "30")
                .set("dsr.purge.inactive-notice-days", "7").set("dsr.purge.check-seconds", "1");
        // the shop refuses the hub's key: its task needs the officer, and nobody settles it
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.startHub();
        fixture.drop("erasure.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "IDLE-1")
                .replace("\"processors\": \"all\"", "\"processors\": [\"woocommerce\"]"));
        id = fixture.awaitRequest("IDLE-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(id).stream()
                .anyMatch(t -> t.outcome() == Outcome.NEEDS_ATTENTION));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theOfficerIsToldAWeekBeforeAnIdleRequestIsClosed() {
        clock.advance(Duration.ofDays(24));

        OfficerNotice warning = awaitNotice(id, "inactive-since-");
        // a week after the warning: the 30 days have passed by then
        String closing = warning.at().withOffsetSameInstant(java.time.ZoneOffset.UTC).plusDays(7).toLocalDate().toString();
        assertThat(warning.message()).contains("Request " + id + " (erasure) has had no progress since")
                .contains("waiting: woocommerce NEEDS_ATTENTION").contains("the hub closes it on " + closing)
                .doesNotContain(DemoPeople.KEES.email());
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.PLANNED);
        assertThat(fixture.requests().find(id)).isPresent();
    }

    @Test
    void anIdleRequestIsClosedAfterThePeriodAndShownInStatusAndTheRegister() {
        clock.advance(Duration.ofDays(24));
        awaitNotice(id, "inactive-since-");
        clock.advance(Duration.ofDays(7));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.requests().row(id).orElseThrow().status()
                .equals(RequestStore.CLOSED_INACTIVE));
        assertThat(awaitNotice(id, "closed-inactive").message()).contains("closed for inactivity").contains("still owed");
        assertThat(cli("status", id)).contains("status    CLOSED_INACTIVE").contains("closed-inactive")
                .contains("not settled: the request was closed for inactivity").doesNotContain(DemoPeople.KEES.email());
        assertThat(cli("status")).doesNotContain(id);
        assertThat(cli("ledger", "export")).contains("," + id + ",erasure,").contains(",closed-inactive,").contains(",purged,");
        // its personal data went with it
        assertThat(fixture.hub().services().jdbc.queryOne("SELECT document FROM dsr_request WHERE id = ? AND purged_at IS NOT NULL",
                rs -> String.valueOf(rs.getString(1)), id)).contains("null");
        assertThat(fixture.outbox(id)).doesNotExist();
    }

    @Test
    void theOfficersActionStartsThePeriodAgain() {
        clock.advance(Duration.ofDays(24));
        awaitNotice(id, "inactive-since-");

        cli("extend", id, "--months", "1", "--reason", "the shop is replacing its API key");
        clock.advance(Duration.ofDays(7));

        // a run of the closing: nothing is due, the request stays open with its data
        assertThat(fixture.hub().producer().requestBody("bean:inactiveRequests?method=due", null, List.class)).isEmpty();
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.PLANNED);
        assertThat(fixture.requests().find(id)).isPresent();
    }

    @Test
    void aHeldRequestNeverConfirmedIsClosedToo() {
        // as a mailed request that no mail server authenticated is stored: held, nothing sent to any processor
        String held = fixture.requests().store(Requests.erasure(DemoPeople.LOTTE.email()),
                RequestStore.Admission.held("plain SMTP")).requestId();
        clock.advance(Duration.ofDays(24));
        assertThat(awaitNotice(held, "inactive-since-").message()).contains("it awaits your confirmation; confirm or discard it");
        clock.advance(Duration.ofDays(7));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.requests().row(held).orElseThrow().status()
                .equals(RequestStore.CLOSED_INACTIVE));
        assertThat(fixture.hub().services().ledger.entries(held)).extracting(nl.dsrhub.ledger.Ledger.Entry::kind)
                .contains("received", "closed-inactive", "purged");
    }

    private OfficerNotice awaitNotice(String requestId, String levelStart) {
        OfficerNotices notices = new OfficerNotices(fixture.hub().services().jdbc, clock);
        return await().atMost(Duration.ofSeconds(30)).until(() -> notices.recent(100).stream()
                .filter(n -> n.requestId().equals(requestId) && n.level().startsWith(levelStart)).findFirst(), Optional::isPresent).get();
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        return out.toString(StandardCharsets.UTF_8);
    }
}
