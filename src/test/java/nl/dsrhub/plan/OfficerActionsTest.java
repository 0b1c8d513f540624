package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.dsrhub.hub.Services;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settling a task by hand and extending a deadline: what the rules allow, and what is recorded. */
class OfficerActionsTest {

    @TempDir
    Path dir;

    Services s;
    Settlement settlement;
    DeadlineExtension extension;
    String id;
    // a week after the test requests' receipt (2026-11-20): inside the first month
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        s = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(),
                "dsr.connectors.dir", dir.resolve("none").toString()), Map.of()), clock, false);
        settlement = new Settlement(s.catalog, s.requests, s.tasks, s.events, s.jdbc, s.workDir(), clock);
        extension = new DeadlineExtension(s.requests, s.events, s.jdbc, s.outbox(), clock);
        id = s.requests.store(Requests.erasure(DemoPeople.KEES.email())).requestId();
        s.jdbc.inTransaction(tx -> {
            s.tasks.create(tx, id, "paynl", TaskStatus.PENDING);        // a mail processor
            s.tasks.create(tx, id, "woocommerce", TaskStatus.PENDING);  // http
            return null;
        });
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aRetentionSettledByHandKeepsTheOfficersWordsAsItsBasisAndNoLawOfItsOwn() {
        settlement.settle(id, "paynl", "RETAINED", "Pay.nl keeps the payout records, its letter of 26 Nov says", List.of());

        assertThat(task("paynl").retained()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(nl.dsrhub.model.Retention.Kind.AS_STATED);
            assertThat(r.reason().en()).isEqualTo("Pay.nl keeps the payout records, its letter of 26 Nov says");
            assertThat(r.law()).isNull();
            assertThat(r.until()).isNull();
            assertThat(r.erasure()).isNull();
        });
    }

    @Test
    void anErasureSettledByHandStatesNothingRetained() {
        settlement.settle(id, "paynl", "ERASED", "Pay.nl confirmed erasure by mail on 26 Nov", List.of());

        assertThat(task("paynl").retained()).isEmpty();
    }

    @Test
    void theOfficersWordsOnWhatIsKeptGoWithThePurge() {
        settlement.settle(id, "paynl", "PARTIAL", "Pay.nl keeps Kees Visser's payout records", List.of());

        s.jdbc.inTransaction(tx -> nl.dsrhub.store.RequestStore.erasePersonalData(tx, id, java.time.OffsetDateTime.now(clock)));

        assertThat(task("paynl").retained()).isEmpty();
        assertThat(task("paynl").detail()).isEqualTo("settled by hand");
    }

    @Test
    void mailProcessorsTaskIsSettledWithOutcomeReasonFilesAndEvent() throws Exception {
        Path reply = Files.writeString(dir.resolve("paynl-reply.pdf"), "%PDF- reply of the processor");

        settlement.settle(id, "paynl", "erased", "Pay.nl confirmed erasure by mail on 26 Nov", List.of(reply));

        TaskStore.TaskRow t = task("paynl");
        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
        assertThat(t.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(t.detail()).isEqualTo("settled by hand: Pay.nl confirmed erasure by mail on 26 Nov");
        assertThat(s.workDir().resolve(id).resolve("paynl").resolve("settled-by-hand").resolve("paynl-reply.pdf")).exists();
        assertThat(s.events.timeline(id)).anyMatch(e -> "settled".equals(e.kind()) && e.detail().startsWith("ERASED"));
        assertThat(s.ledger.entries(id)).anyMatch(e -> "outcome".equals(e.kind()) && "ERASED".equals(e.detail()));
    }

    @Test
    void settlingNeedsAFinalOutcomeAReasonAndASettleableTask() {
        assertThatThrownBy(() -> settlement.settle(id, "paynl", "AWAITING_REPLY", "x", List.of()))
                .hasMessageContaining("not final");
        assertThatThrownBy(() -> settlement.settle(id, "paynl", "GONE", "x", List.of()))
                .hasMessageContaining("unknown outcome 'GONE'");
        assertThatThrownBy(() -> settlement.settle(id, "paynl", "ERASED", " ", List.of()))
                .hasMessageContaining("reason is required");
        // an http task that is merely queued runs by itself; only when it needs attention may the officer settle it
        assertThatThrownBy(() -> settlement.settle(id, "woocommerce", "ERASED", "x", List.of()))
                .hasMessageContaining("PENDING");
        s.tasks.claim(task("woocommerce").id());
        s.tasks.finish(task("woocommerce"), new TaskResult(Outcome.NEEDS_ATTENTION, "HTTP 401", List.of(), Map.of()));
        settlement.settle(id, "woocommerce", "NOT_FOUND", "the shop has no account for this person", List.of());
        assertThat(task("woocommerce").outcome()).isEqualTo(Outcome.NOT_FOUND);
        // a final outcome is not settled again
        assertThatThrownBy(() -> settlement.settle(id, "woocommerce", "ERASED", "x", List.of()))
                .hasMessageContaining("DONE NOT_FOUND");
    }

    @Test
    void requestWhoseTasksAreAllSettledIsPickedUpForCompletion() {
        assertThat(settlement.settledButOpen()).isEmpty();
        s.requests.transition(id, "RECEIVED", "PLANNED");
        settlement.settle(id, "paynl", "ERASED", "confirmed by mail", List.of());
        assertThat(settlement.settledButOpen()).isEmpty();
        s.tasks.claim(task("woocommerce").id());
        s.tasks.finish(task("woocommerce"), new TaskResult(Outcome.ERASED, null, List.of(), Map.of()));
        assertThat(settlement.settledButOpen()).containsExactly(id);
    }

    @Test
    void deadlineIsExtendedOnceByAtMostTwoMonthsWithAReasonAndANoticeLetter() {
        var before = s.requests.row(id).orElseThrow().dueDate();
        assertThatThrownBy(() -> extension.extend(id, 3, "busy")).hasMessageContaining("at most two");
        assertThatThrownBy(() -> extension.extend(id, 2, "")).hasMessageContaining("reason is required");

        Path letter = extension.extend(id, 2, "the processor restores its archive from backup");

        assertThat(s.requests.row(id).orElseThrow().dueDate()).isEqualTo(before.plusMonths(2));
        assertThat(s.requests.row(id).orElseThrow().originalDueDate()).isEqualTo(before);
        assertThat(letter).isEqualTo(s.outbox().resolve(id).resolve(DeadlineExtension.LETTER));
        assertThat(letter).content().contains("Verlenging van de termijn").contains("Extension of the time limit")
                .contains("restores its archive").contains(id).doesNotContain(DemoPeople.KEES.email());
        assertThat(s.events.timeline(id)).anyMatch(e -> "extended".equals(e.kind()));
        // the register keeps the new deadline and the reason
        assertThat(s.ledger.entries(id)).anyMatch(e -> "extended".equals(e.kind()) && ("until " + before.plusMonths(2)
                + ", extended by 2 month(s); reason: the processor restores its archive from backup").equals(e.detail()));
        assertThatThrownBy(() -> extension.extend(id, 1, "again")).hasMessageContaining("already extended once");
    }

    @Test
    void theReasonStaysOneSentenceOfTheNoticeWhateverLineBreaksItHolds() {
        Path letter = extension.extend(id, 1, "two processors\r\nhave not answered\u2028yet<script>");

        assertThat(letter).content().contains("De reden: two processors have not answered yet&lt;script&gt;</p>")
                .doesNotContain("\u2028").doesNotContain("processors\r\n");
    }

    @Test
    void overdueRequestCannotBeExtended() {
        Clock late = Clock.fixed(Instant.parse("2026-12-24T10:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> new DeadlineExtension(s.requests, s.events, s.jdbc, s.outbox(), late).extend(id, 1, "late"))
                .hasMessageContaining("overdue");
    }

    private TaskStore.TaskRow task(String connector) {
        return s.tasks.forRequest(id).stream().filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }
}
