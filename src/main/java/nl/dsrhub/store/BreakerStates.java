package nl.dsrhub.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The last known circuit breaker state of each connector, as the running hub saw it. The breakers live
 * in the hub's memory; this copy is what {@code status} and {@code connectors} (other processes) show.
 */
public final class BreakerStates {

    public record State(String connector, String state, OffsetDateTime since, OffsetDateTime openUntil, String lastError) {
        public boolean closed() {
            return "CLOSED".equals(state);
        }

        /** One short line for operators, e.g. {@code mollie: circuit OPEN since ..., next trial ..., last error ...}. */
        public String line() {
            return connector + ": circuit " + state + " since " + since.withNano(0)
                    + (openUntil == null ? "" : ", next trial call after " + openUntil.withNano(0))
                    + (lastError == null ? "" : ", last error: " + lastError);
        }
    }

    private final Jdbc jdbc;

    public BreakerStates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void save(State s) {
        jdbc.inTransaction(tx -> {
            tx.update("DELETE FROM dsr_breaker WHERE connector = ?", s.connector());
            tx.update("INSERT INTO dsr_breaker (connector, state, since, open_until, last_error) VALUES (?,?,?,?,?)",
                    s.connector(), s.state(), s.since(), s.openUntil(), EventLog.truncate(s.lastError()));
            return null;
        });
    }

    public List<State> all() {
        return jdbc.query("SELECT * FROM dsr_breaker ORDER BY connector", rs -> new State(rs.getString("connector"),
                rs.getString("state"), Jdbc.timestamp(rs, "since"), Jdbc.timestamp(rs, "open_until"),
                rs.getString("last_error")));
    }

    /** Breakers that are not closed: the processors the hub is sparing now. */
    public List<State> notClosed() {
        return all().stream().filter(s -> !s.closed()).toList();
    }

    /** At start-up every breaker begins closed: the stored states of the previous run no longer hold. */
    public void clear() {
        jdbc.update("DELETE FROM dsr_breaker");
    }
}
