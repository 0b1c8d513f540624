package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.store.BreakerStates;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} names every request type, its table's columns kept in line by the longest type's name. */
class StatusReportTypesTest {

    @TempDir
    Path dataDir;

    private Database db;
    private RequestStore requests;
    private StatusReport status;

    @BeforeEach
    void hub() {
        db = Database.openDefault(dataDir, 4);
        EventLog events = new EventLog(db.jdbc(), Clock.systemUTC());
        requests = new RequestStore(db.jdbc(), Clock.systemUTC(), events);
        nl.dsrhub.ledger.Ledger ledger = new nl.dsrhub.ledger.Ledger(db.jdbc(), Clock.systemUTC(), "test-key");
        status = new StatusReport(requests, new TaskStore(db.jdbc(), Clock.systemUTC(), events), events,
                new BreakerStates(db.jdbc()), new SuppressionRegister(db.jdbc(), ledger),
                new RestrictionRegister(db.jdbc(), ledger), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theOpenRequestsTableListsEveryTypeWithItsStatusInOneColumn() {
        for (RequestType type : RequestType.values()) {
            requests.store(Requests.of(type, DemoPeople.JAN.email(), Map.of()));
        }

        List<String> lines = status.openTable().lines().toList();

        assertThat(lines).hasSize(1 + RequestType.values().length);
        int statusColumn = lines.get(0).indexOf("STATUS");
        for (RequestType type : RequestType.values()) {
            assertThat(lines).filteredOn(l -> Arrays.asList(l.split("\\s+")).contains(type.wire())).as(type.wire())
                    .singleElement().satisfies(l -> assertThat(l.indexOf(RequestStore.RECEIVED)).isEqualTo(statusColumn));
        }
    }

    @Test
    void oneRequestsTextAndJsonNameItsType() {
        String id = requests.store(Requests.of(RequestType.LIFT_RESTRICTION, DemoPeople.JAN.email(), Map.of())).requestId();

        assertThat(status.requestText(id)).startsWith("request   " + id + " (lift-restriction)");
        assertThat(status.requestJson(id)).contains("\"type\" : \"lift-restriction\"");
    }

    @Test
    void aRequestByARepresentativeSaysInWhatCapacityAndHowTheAuthorityWasCheckedWithoutTheirNameOrAddress() {
        nl.dsrhub.model.DsrRequest child = Requests.of(RequestType.ERASURE, "kind@example.nl", Map.of());
        nl.dsrhub.model.Representative parent = new nl.dsrhub.model.Representative("Petra Ouder", "petra.ouder@example.com",
                nl.dsrhub.model.Representative.PARENT, "officer@shop.example.nl",
                java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"), "birth certificate seen");
        String id = requests.store(new nl.dsrhub.model.DsrRequest(null, child.type(), child.receivedAt(), child.deadline(),
                child.subject(), child.verification(), null, List.of(), "REP-1", "rep.json", "f-rep", parent)).requestId();

        assertThat(status.requestText(id)).contains("made by   parent (legal representative); authority checked by"
                + " officer@shop.example.nl on 2026-11-20 against: birth certificate seen")
                .doesNotContain("Petra", "petra.ouder@example.com", "kind@example.nl");
        assertThat(status.requestJson(id)).contains("\"madeBy\"", "\"capacity\" : \"parent\"")
                .doesNotContain("Petra", "petra.ouder@example.com");
    }
}
