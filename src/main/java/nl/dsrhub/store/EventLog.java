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

    static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
