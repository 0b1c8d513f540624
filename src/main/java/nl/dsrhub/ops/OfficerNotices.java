package nl.dsrhub.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.StoreException;

/** The officer's notices, stored once per request and level, for the dashboard. */
public final class OfficerNotices {

    private final Jdbc jdbc;
    private final Clock clock;

    public OfficerNotices(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notice raised now, made from its parts (for routes whose body is not a notice yet). */
    public OfficerNotice notice(String requestId, String level, String message) {
        return new OfficerNotice(requestId, level, OffsetDateTime.now(clock), message);
    }

    /** Stores the notice; false when this request already had one of this level (raised once). */
    public boolean record(OfficerNotice n) {
        if (raised(n.requestId(), n.level())) {
            return false;
        }
        try {
            return jdbc.update("INSERT INTO dsr_officer_notice (request_id, level, at, message) VALUES (?,?,?,?)",
                    n.requestId(), n.level(), n.at() == null ? OffsetDateTime.now(clock) : n.at(),
                    n.message().length() > 1000 ? n.message().substring(0, 1000) : n.message()) == 1;
        } catch (StoreException raced) {
            return false; // the unique (request, level) let another watcher's insert win
        }
    }

    public boolean raised(String requestId, String level) {
        return !jdbc.query("SELECT 1 FROM dsr_officer_notice WHERE request_id = ? AND level = ?", rs -> 1,
                requestId, level).isEmpty();
    }

    public List<OfficerNotice> recent(int max) {
        return jdbc.query("SELECT request_id, level, at, message FROM dsr_officer_notice ORDER BY at DESC, id DESC",
                rs -> new OfficerNotice(rs.getString(1), rs.getString(2), Jdbc.timestamp(rs, "at"), rs.getString(4)))
                .stream().limit(max).toList();
    }
}
