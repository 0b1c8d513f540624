package nl.dsrhub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.model.Retention;

/**
 * The retention calendar's rows ({@code dsr_retention_calendar}): one per record kept under a statutory duty of
 * the shop, due the day after its retention ends. A pointer only: connector, kind of record, the processor's id,
 * due date and request id; nothing of the person. Rows are claimed with a lease, so two hubs on one database never
 * run the same erasure at once, and one stopped halfway is run again when its lease ends.
 */
public final class RetentionCalendar {

    public static final String SCHEDULED = "SCHEDULED";
    /** erased by the processor's own call (or found gone already) */
    public static final String ERASED = "ERASED";
    /** the officer was told what to do: the hub has no call for it, or the processor refused */
    public static final String OFFICER = "OFFICER";

    /** One row of the calendar. */
    public record Entry(long id, String connector, String record, String recordId, LocalDate dueOn, String requestId,
                        String state, int attempts, String lastError, OffsetDateTime doneAt) {
    }

    /** The calendar counts days in the shop's time: a record kept until 31 December is erased on 1 January there. */
    private static final ZoneId SHOP_TIME = ZoneId.of("Europe/Amsterdam");

    private final Jdbc jdbc;
    private final Clock clock;

    public RetentionCalendar(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * In the caller's transaction (the one recording the task's outcome): a row for every retained record whose
     * erasure is scheduled. A record already in the calendar (a second request of the same person) keeps one row,
     * due on the later of the two days: a contact kept for a newer invoice is not deleted before it.
     */
    public static void schedule(Jdbc tx, String requestId, String connector, List<Retention> retained) {
        for (Retention r : retained) {
            if (r.erasure() == null || r.record() == null || r.recordId() == null) {
                continue;
            }
            LocalDate due = r.erasure().on();
            int added = tx.update("INSERT INTO dsr_retention_calendar (connector, record, record_id, due_on, request_id, state) "
                            + "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM dsr_retention_calendar "
                            + "WHERE connector = ? AND record = ? AND record_id = ?)",
                    connector, r.record(), r.recordId(), due, requestId, SCHEDULED, connector, r.record(), r.recordId());
            if (added == 0) {
                tx.update("UPDATE dsr_retention_calendar SET due_on = ? WHERE connector = ? AND record = ? AND record_id = ? "
                        + "AND state = ? AND due_on < ?", due, connector, r.record(), r.recordId(), SCHEDULED, due);
            }
        }
    }

    /** Scheduled rows due today or earlier whose lease (if any) has run out, each claimed for {@code lease}. */
    public List<Entry> takeDue(Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(SHOP_TIME));
        List<Entry> due = jdbc.query("SELECT * FROM dsr_retention_calendar WHERE state = ? AND due_on <= ? "
                + "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY due_on, id", this::map, SCHEDULED, today, now);
        // a row another hub claimed meanwhile has its lease in the future: this update then changes nothing
        return due.stream().filter(e -> jdbc.update("UPDATE dsr_retention_calendar SET next_attempt_at = ? WHERE id = ? "
                + "AND state = ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)", now.plus(lease), e.id(), SCHEDULED,
                now) == 1).toList();
    }

    public Optional<Entry> find(long id) {
        return jdbc.queryOne("SELECT * FROM dsr_retention_calendar WHERE id = ?", this::map, id);
    }

    public List<Entry> all() {
        return jdbc.query("SELECT * FROM dsr_retention_calendar ORDER BY due_on, id", this::map);
    }

    /** Ends the row ({@link #ERASED} or {@link #OFFICER}) in the caller's transaction; false when it had ended already. */
    public boolean end(Jdbc tx, long id, String state) {
        return tx.update("UPDATE dsr_retention_calendar SET state = ?, done_at = ?, next_attempt_at = NULL WHERE id = ? "
                + "AND state = ?", state, OffsetDateTime.now(clock), id, SCHEDULED) == 1;
    }

    /** A call that failed for now: counted, and tried again at the calendar's next check. */
    public void failed(long id, String error) {
        jdbc.update("UPDATE dsr_retention_calendar SET attempts = attempts + 1, last_error = ?, next_attempt_at = NULL "
                + "WHERE id = ? AND state = ?", error.length() > 300 ? error.substring(0, 300) : error, id, SCHEDULED);
    }

    private Entry map(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("connector"), rs.getString("record"), rs.getString("record_id"),
                rs.getObject("due_on", LocalDate.class), rs.getString("request_id"), rs.getString("state"),
                rs.getInt("attempts"), rs.getString("last_error"), Jdbc.timestamp(rs, "done_at"));
    }
}
