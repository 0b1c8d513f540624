package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purge deletes a request's personal data, never the registers of objections and restrictions: an objection to
 * direct marketing and a restriction outlive their request, and the registers hold the ledger's keyed pseudonym only.
 */
class PurgeKeepsTheRegistersTest {

    private static final String ADDRESS = "bezwaar.purge@example.nl";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    Database db;
    RequestStore requests;
    EventLog events;
    SuppressionRegister suppression;
    RestrictionRegister restrictions;

    @BeforeEach
    void open() {
        db = Database.openDefault(dataDir, 4);
        Clock clock = Clock.systemUTC();
        events = new EventLog(db.jdbc(), clock);
        requests = new RequestStore(db.jdbc(), clock, events);
        Ledger ledger = new Ledger(db.jdbc(), clock, "purge-test-key");
        suppression = new SuppressionRegister(db.jdbc(), ledger);
        restrictions = new RestrictionRegister(db.jdbc(), ledger);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void thePurgeOfTheRequestsLeavesEveryRowOfBothRegisters() {
        String objection = requests.store(Requests.erasure(ADDRESS)).requestId();
        String restriction = requests.store(Requests.export(ADDRESS)).requestId();
        suppression.add(objection, ADDRESS, T0);
        suppression.reconcile("mailchimp", List.of(new SuppressionRegister.Match(suppression.entry(ADDRESS).orElseThrow(),
                "5f2e8c1a9b")), T0.plusDays(1));
        restrictions.record(restriction, ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);
        restrictions.noticeSent(restriction, T0.plusDays(2));
        List<String> before = rows();

        Purge purge = new Purge(db.jdbc(), events, dataDir.resolve("outbox"), dataDir.resolve("work"),
                dataDir.resolve("error"), Clock.systemUTC(), 0);
        purge.purge(objection);
        purge.purge(restriction);

        assertThat(db.jdbc().query("SELECT purged_at FROM dsr_request", rs -> rs.getObject(1))).as("both purged")
                .hasSize(2).doesNotContainNull();
        assertThat(rows()).isEqualTo(before).hasSize(3);
        assertThat(suppression.isSuppressed(ADDRESS)).isTrue();
        assertThat(suppression.openFindings()).extracting(SuppressionRegister.Finding::requestId).containsExactly(objection);
        assertThat(restrictions.inForce(ADDRESS)).extracting(RestrictionRegister.Restriction::requestId)
                .containsExactly(restriction);
    }

    /** Every row of the registers' tables, every column, as text. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("dsr_suppression", "dsr_resubscription", "dsr_restriction")) {
            db.jdbc().query("SELECT * FROM " + table + " ORDER BY id", rs -> {
                StringBuilder row = new StringBuilder(table);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append('|').append(rs.getObject(i));
                }
                return rows.add(row.toString());
            });
        }
        return rows;
    }
}
