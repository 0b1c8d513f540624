package nl.dsrhub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.model.Outcome;

/**
 * Every request the hub has, open and closed, as the officer's list and overview ask for them: filtered, counted and
 * paged in the database, newest first. Reads ids, types, statuses, dates and the officer's reference; never the
 * request's document (the subject's address is not searched nor returned). Each condition is a fixed piece of SQL
 * with its value bound, the same on H2 and PostgreSQL.
 */
public final class RequestHistory {

    /** The longest search text looked for; the id column holds 40, the reference 100. */
    public static final int MAX_SEARCH = 100;

    /**
     * Which requests: every field null (or false) is "any". {@code openOnly}: not completed, discarded, closed nor
     * refused ({@link RequestStore#isOpen}); {@code connector} and {@code taskOutcome}: a task at that connector and/or
     * with that outcome (one task both); {@code dueFrom}/{@code dueThrough}: the due date within (inclusive);
     * {@code completedFrom}: completed at or after; {@code search}: part of the id or of the reference, any case.
     */
    public record Filter(boolean openOnly, String status, String type, String connector, Outcome taskOutcome,
                         LocalDate dueFrom, LocalDate dueThrough, OffsetDateTime completedFrom, String search) {

        public static final Filter ALL = new Filter(false, null, null, null, null, null, null, null, null);
    }

    /** A request as the list shows it; {@code completedAt} null while it is not completed. */
    public record Line(String id, String type, String status, OffsetDateTime receivedAt, LocalDate dueDate,
                       String reference, OffsetDateTime completedAt) {
    }

    private final Jdbc jdbc;

    public RequestHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** How many requests the filter lets through. */
    public long count(Filter filter) {
        Where w = where(filter);
        return jdbc.queryOne("SELECT COUNT(*) FROM dsr_request r" + w.sql(), rs -> rs.getLong(1), w.args().toArray())
                .orElse(0L);
    }

    /** One page of them, newest received first (the id breaks a tie, so pages never overlap). */
    public List<Line> page(Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds at least one request");
        }
        Where w = where(filter);
        List<Object> args = new ArrayList<>(w.args());
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT r.id, r.type, r.status, r.received_at, r.due_date, r.reference, r.completed_at"
                + " FROM dsr_request r" + w.sql() + " ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?",
                RequestHistory::line, args.toArray());
    }

    private record Where(String sql, List<Object> args) {
    }

    /** The filter's conditions, each a constant piece of SQL with its value bound. */
    private static Where where(Filter f) {
        List<String> sql = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.openOnly()) {
            sql.add("r.status NOT IN (?, ?, ?, ?)");
            args.addAll(RequestStore.CLOSED);
        }
        add(sql, args, "r.status = ?", f.status());
        add(sql, args, "r.type = ?", f.type());
        add(sql, args, "r.due_date >= ?", f.dueFrom());
        add(sql, args, "r.due_date <= ?", f.dueThrough());
        add(sql, args, "r.completed_at >= ?", f.completedFrom());
        if (f.connector() != null || f.taskOutcome() != null) {
            List<String> task = new ArrayList<>(List.of("t.request_id = r.id"));
            add(task, args, "t.connector = ?", f.connector());
            add(task, args, "t.outcome = ?", f.taskOutcome() == null ? null : f.taskOutcome().name());
            sql.add("EXISTS (SELECT 1 FROM dsr_task t WHERE " + String.join(" AND ", task) + ")");
        }
        if (f.search() != null && !f.search().isBlank()) {
            String like = "%" + escapeLike(f.search().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
            sql.add("(LOWER(r.id) LIKE ? ESCAPE '\\' OR LOWER(r.reference) LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        }
        return new Where(sql.isEmpty() ? "" : " WHERE " + String.join(" AND ", sql), args);
    }

    private static void add(List<String> sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.add(condition);
            args.add(value);
        }
    }

    /** The search text taken literally: its %, _ and \ match themselves, not any text. */
    static String escapeLike(String text) {
        String bounded = text.length() > MAX_SEARCH ? text.substring(0, MAX_SEARCH) : text;
        return bounded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getString("id"), rs.getString("type"), rs.getString("status"), Jdbc.timestamp(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class), rs.getString("reference"), Jdbc.timestamp(rs, "completed_at"));
    }
}
