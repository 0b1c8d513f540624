package nl.dsrhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's promises, on every database the hub supports. */
abstract class LedgerContract {

    protected Database db;
    protected Ledger ledger;
    protected EventLog events;
    protected RequestStore requests;

    protected abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        Clock clock = Clock.systemUTC();
        ledger = new Ledger(db.jdbc(), clock, "test-key");
        events = new EventLog(db.jdbc(), clock);
        events.setListener(ledger);
        requests = new RequestStore(db.jdbc(), clock, events);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void receivedRequestIsRegisteredUnderAPseudonymNotTheAddress() {
        String id = requests.store(Requests.erasure(DemoPeople.JAN.email())).requestId();

        List<Ledger.Entry> entries = ledger.entries(id);
        assertThat(entries).extracting(Ledger.Entry::kind).containsExactly("received", "verified");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(ledger.pseudonym(DemoPeople.JAN.email())).hasSize(64);
            assertThat(e.requestType()).isEqualTo("erasure");
        });
        assertThat(entries.get(1).detail()).isEqualTo("known-email");
        // the same person under a differently cased address is the same pseudonym; the key matters
        assertThat(ledger.pseudonym(DemoPeople.JAN.email().toUpperCase())).isEqualTo(entries.get(0).subject());
        assertThat(new Ledger(db.jdbc(), Clock.systemUTC(), "other-key").pseudonym(DemoPeople.JAN.email()))
                .isNotEqualTo(entries.get(0).subject());
        assertThat(ledger.csv()).contains(entries.get(0).subject()).doesNotContain(DemoPeople.JAN.email())
                .doesNotContain(DemoPeople.JAN.name());
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void everyRequestTypeIsRegisteredUnderItsWireNameInTheRowsAndTheExport() {
        for (nl.dsrhub.model.RequestType type : nl.dsrhub.model.RequestType.values()) {
            String id = requests.store(Requests.of(type, DemoPeople.JAN.email(), java.util.Map.of())).requestId();
            events.record(id, "laposta", "outcome", type.done().name());

            assertThat(ledger.entries(id)).as(type.wire()).extracting(Ledger.Entry::requestType).containsOnly(type.wire());
            assertThat(ledger.csv()).contains("," + id + "," + type.wire() + ",");
        }
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void sentRowTellsWhenTheProcessorWasFirstContactedNotWhenItAnswered() {
        String id = requests.store(Requests.erasure(DemoPeople.EVA.email())).requestId();
        java.time.OffsetDateTime contacted = java.time.OffsetDateTime.parse("2026-11-02T09:15:30Z");
        db.jdbc().update("INSERT INTO dsr_task (request_id, connector, status, attempts, notified_at, updated_at) "
                + "VALUES (?, 'laposta', 'RUNNING', 1, ?, ?)", id, contacted, contacted);

        events.record(id, "laposta", "outcome", "ERASED");
        events.record(id, "laposta", "outcome", "ERASED");

        List<Ledger.Entry> sent = ledger.entries(id).stream().filter(e -> "sent".equals(e.kind())).toList();
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.connector()).isEqualTo("laposta");
            assertThat(e.detail()).isEqualTo("2026-11-02T09:15:30Z");
        });
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        String id = requests.store(Requests.export(DemoPeople.ANNA.email())).requestId();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String connector = "c" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        events.record(id, connector, "outcome", "EXPORTED: " + i + " file(s)");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // received, verified, then per connector one "sent" and ten outcomes
        Ledger.Verification v = ledger.verify();
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.rows()).isEqualTo(2 + 6 * 11);
        assertThat(ledger.entries()).extracting(Ledger.Entry::seq).doesNotHaveDuplicates();
    }

    @Test
    void theChainIsKeyedSoItDoesNotVerifyUnderAnotherKey() {
        String id = requests.store(Requests.erasure(DemoPeople.LOTTE.email())).requestId();
        events.record(id, "laposta", "outcome", "ERASED");
        assertThat(ledger.verify().ok()).isTrue();

        Ledger.Verification other = new Ledger(db.jdbc(), Clock.systemUTC(), "other-key").verify();

        assertThat(other.ok()).isFalse();
        assertThat(other.brokenSeq()).isEqualTo(1);
        assertThat(other.problem()).isEqualTo("row 1 was changed (hash mismatch under the ledger key)");
        assertThat(other.checked()).startsWith("rows 1-4 chained with HMAC-SHA256 under the ledger key");
    }

    @Test
    void anEditedRowIsDetectedAndNamed() {
        String id = requests.store(Requests.erasure(DemoPeople.KEES.email())).requestId();
        events.record(id, "mailchimp", "outcome", "RETAINED: kept by law");
        long outcome = ledger.entries(id).stream().filter(e -> "outcome".equals(e.kind())).findFirst().orElseThrow().seq();

        db.jdbc().update("UPDATE dsr_ledger SET detail = 'ERASED' WHERE seq = ?", outcome);

        Ledger.Verification v = ledger.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(outcome);
        assertThat(v.problem()).contains("row " + outcome).contains("changed");
    }

    @Test
    void aRemovedRowIsDetectedInTheMiddleAndAtTheEnd() {
        String id = requests.store(Requests.erasure(DemoPeople.KEES.email())).requestId();
        events.record(id, "laposta", "outcome", "ERASED");
        events.record(id, "mollie", "outcome", "ERASED");
        long last = ledger.entries().get(ledger.entries().size() - 1).seq();

        db.jdbc().update("DELETE FROM dsr_ledger WHERE seq = ?", last);
        Ledger.Verification end = ledger.verify();
        assertThat(end.ok()).isFalse();
        assertThat(end.problem()).contains("removed");

        db.jdbc().update("DELETE FROM dsr_ledger WHERE seq = 2");
        Ledger.Verification middle = ledger.verify();
        assertThat(middle.ok()).isFalse();
        assertThat(middle.brokenSeq()).isEqualTo(3);
        assertThat(middle.problem()).contains("row 2 is missing");
    }
}
