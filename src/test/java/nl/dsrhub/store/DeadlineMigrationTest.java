package nl.dsrhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.testing.Postgres;
import nl.dsrhub.testing.Requests;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests stored before deadlines were dates (schema V6, a timestamp in the file's offset) keep working after
 * migration V8, on H2 and on PostgreSQL: each gets its deadline as a Dutch date.
 */
class DeadlineMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRequestStoredBeforeKeepsItsDeadlineAsItsDutchDate(String database) throws SQLException {
        String url = earlierSchema(database);
        insert(url, database, "R-OLD-1", "2026-11-20T09:12:00+01:00", "2026-12-20T09:12:00+01:00", null);

        try (Database db = Database.open(url, user(database), password(database), 2)) {
            RequestStore.RequestRow row = store(db).row("R-OLD-1").orElseThrow();

            assertThat(row.dueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
            assertThat(row.originalDueDate()).isNull();
            // not stored then: reckoned from the day it reached the hub (20 November), 14 days, a week before the subject's
            assertThat(row.processorDueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
            // the document's own timestamp is not what counts: the row's date is
            assertThat(store(db).get("R-OLD-1").dueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aStoredDeadlineADayLateInDutchTimeBecomesTheLawsDate(String database) throws SQLException {
        String url = earlierSchema(database);
        // received 01:30 on 31 March in Amsterdam, written in UTC: a month added in UTC ended at 01:30 on 1 May in Amsterdam
        insert(url, database, "R-OLD-2", "2026-03-30T23:30:00Z", "2026-04-30T23:30:00Z", null);

        try (Database db = Database.open(url, user(database), password(database), 2)) {
            assertThat(store(db).row("R-OLD-2").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void anExtendedRequestStoredBeforeKeepsTheExtendedDateItsSubjectWasToldAndItsOriginal(String database) throws SQLException {
        String url = earlierSchema(database);
        insert(url, database, "R-OLD-3", "2026-11-20T09:12:00+01:00", "2027-02-20T09:12:00+01:00", "2026-12-20T09:12:00+01:00");

        try (Database db = Database.open(url, user(database), password(database), 2)) {
            RequestStore.RequestRow row = store(db).row("R-OLD-3").orElseThrow();

            assertThat(row.dueDate()).isEqualTo(LocalDate.of(2027, 2, 20));
            assertThat(row.originalDueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        }
    }

    private String earlierSchema(String database) {
        String url = "h2".equals(database) ? "jdbc:h2:file:" + dir.resolve("earlier") + ";WRITE_DELAY=0" : Postgres.freshUrl();
        Flyway.configure().dataSource(url, user(database), password(database)).locations("classpath:db/migration")
                .target("6").load().migrate();
        return url;
    }

    private static String user(String database) {
        return "h2".equals(database) ? "sa" : Postgres.USER;
    }

    private static String password(String database) {
        return "h2".equals(database) ? "" : null;
    }

    /** A row as the hub wrote it before V8: the deadline a timestamp, one month after receipt in the file's offset. */
    private static void insert(String url, String database, String id, String receivedAt, String deadline, String original)
            throws SQLException {
        DsrRequest request = Requests.erasure(id.toLowerCase() + "@example.nl").withId(id)
                .withDeadline(OffsetDateTime.parse(original != null ? original : deadline));
        OffsetDateTime received = OffsetDateTime.parse(receivedAt);
        try (Connection c = DriverManager.getConnection(url, user(database), password(database));
             PreparedStatement ps = c.prepareStatement("INSERT INTO dsr_request (id, fingerprint, type, status, received_at,"
                     + " deadline, original_deadline, extended_at, source, document, created_at, updated_at)"
                     + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, "fingerprint-" + id);
            ps.setString(3, "erasure");
            ps.setString(4, RequestStore.PLANNED);
            ps.setObject(5, received);
            ps.setObject(6, OffsetDateTime.parse(deadline));
            ps.setObject(7, original == null ? null : OffsetDateTime.parse(original));
            ps.setObject(8, original == null ? null : received.plusDays(3));
            ps.setString(9, "test.json");
            ps.setString(10, Json.write(Json.mapper(), request));
            ps.setObject(11, received);
            ps.setObject(12, received);
            ps.executeUpdate();
        }
    }

    private static RequestStore store(Database db) {
        return new RequestStore(db.jdbc(), Clock.systemUTC(), new EventLog(db.jdbc(), Clock.systemUTC()), Deadlines.law());
    }
}
