package nl.dsrhub.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Journal of data-changing calls (DELETE, delete-permanent, ...). The SENT row is committed before
 * the call goes out and turned DONE after the answer, so a crash in between is visible on restart:
 * the engine then checks the processor's state, or repeats the call with the same idempotency key,
 * instead of sending a second, different call.
 */
public final class CallJournal {

    public enum State { SENT, DONE }

    public record Entry(String idempotencyKey, State state, Integer httpStatus, boolean tookEffect) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public CallJournal(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Entry> find(long taskId, String callKey) {
        return jdbc.queryOne("SELECT idempotency_key, state, http_status, took_effect FROM dsr_call WHERE task_id = ? AND call_key = ?",
                rs -> new Entry(rs.getString(1), State.valueOf(rs.getString(2)),
                        rs.getObject(3) == null ? null : rs.getInt(3), rs.getBoolean(4)), taskId, callKey);
    }

    /** Records that the call is about to be sent and returns its idempotency key (the same one on every attempt). */
    public String sending(long taskId, String callKey) {
        Optional<Entry> existing = find(taskId, callKey);
        if (existing.isPresent()) {
            return existing.get().idempotencyKey();
        }
        String key = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO dsr_call (task_id, call_key, idempotency_key, state, sent_at) VALUES (?,?,?,?,?)",
                taskId, callKey, key, State.SENT, OffsetDateTime.now(clock));
        return key;
    }

    /** Calls of the task that were sent and never answered (the hub stopped in between). */
    public java.util.List<String> unanswered(long taskId) {
        return jdbc.query("SELECT call_key FROM dsr_call WHERE task_id = ? AND state = ? ORDER BY sent_at",
                rs -> rs.getString(1), taskId, State.SENT);
    }

    /** The task's calls that changed the processor's data, across all its runs (keys start with the step id). */
    public java.util.List<String> effective(long taskId) {
        return jdbc.query("SELECT call_key FROM dsr_call WHERE task_id = ? AND state = ? AND took_effect = TRUE ORDER BY call_key",
                rs -> rs.getString(1), taskId, State.DONE);
    }

    /** Records the answer and whether the call changed the processor's data (false: it was gone already). */
    public void done(long taskId, String callKey, int httpStatus, boolean tookEffect) {
        jdbc.update("UPDATE dsr_call SET state = ?, http_status = ?, took_effect = ?, done_at = ? WHERE task_id = ? AND call_key = ?",
                State.DONE, httpStatus, tookEffect, OffsetDateTime.now(clock), taskId, callKey);
    }

}
