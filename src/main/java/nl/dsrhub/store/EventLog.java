package nl.dsrhub.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** A request's timeline: what happened when. Details never hold personal data. */
public final class EventLog {

    public record Event(OffsetDateTime at, String connector, String kind, String detail) {
    }

    /** Told of every event inside the transaction that records it (the ledger chains them there). */
    @FunctionalInterface
    public interface Listener {
        void recorded(Jdbc tx, String requestId, String connector, String kind, String detail);
    }

    private volatile Listener listener;

    private final Jdbc jdbc;
    private final Clock clock;

    public EventLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String requestId, String connector, String kind, String detail) {
        jdbc.inTransaction(tx -> {
            record(tx, requestId, connector, kind, detail);
            return null;
        });
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Records the event in the caller's transaction, so it is stored together with the change it describes. */
    public void record(Jdbc tx, String requestId, String connector, String kind, String detail) {
        tx.update("INSERT INTO dsr_event (request_id, connector, at, kind, detail) VALUES (?,?,?,?,?)",
                requestId, connector, OffsetDateTime.now(clock), kind, truncate(detail));
        Listener l = listener;
        if (l != null) {
            l.recorded(tx, requestId, connector, kind, detail);
        }
    }

    public List<Event> timeline(String requestId) {
        return jdbc.query("SELECT at, connector, kind, detail FROM dsr_event WHERE request_id = ? ORDER BY id",
                rs -> new Event(Jdbc.timestamp(rs, "at"), rs.getString("connector"), rs.getString("kind"),
                        rs.getString("detail")), requestId);
    }

    /**
     * Per connector, when its engine last brought a task to an outcome other than NEEDS_ATTENTION (an
     * answer from the processor, or a mail sent): the health view's "last success" across restarts.
     * Outcomes settled by hand are kind {@code settled}, not {@code outcome}, so they do not count.
     */
    public java.util.Map<String, OffsetDateTime> lastAnswers() {
        java.util.Map<String, OffsetDateTime> last = new java.util.TreeMap<>();
        jdbc.query("SELECT connector, MAX(at) AS at FROM dsr_event WHERE kind = 'outcome' AND connector IS NOT NULL "
                        + "AND (detail IS NULL OR detail NOT LIKE 'NEEDS_ATTENTION%') GROUP BY connector",
                rs -> last.put(rs.getString("connector"), Jdbc.timestamp(rs, "at")));
        return last;
    }

    static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
