package nl.dsrhub.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;

/** Tasks: one per (request, connector), moved through their life by single-row, conditional updates. */
public final class TaskStore {

    public record TaskRow(long id, String requestId, String connector, TaskStatus status, Outcome outcome,
                          int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime notifiedAt,
                          OffsetDateTime finishedAt, String detail, List<Retention> retained, String lastError,
                          OffsetDateTime updatedAt) {
    }


    private final Jdbc jdbc;
    private final Clock clock;
    private final EventLog events;
    private final ObjectMapper json = Json.mapper();

    public TaskStore(Jdbc jdbc, Clock clock, EventLog events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Creates the task unless the request already has one for this connector (re-planning is safe). */
    public void create(Jdbc tx, String requestId, String connector, TaskStatus status) {
        tx.update("INSERT INTO dsr_task (request_id, connector, status, updated_at) SELECT ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM dsr_task WHERE request_id = ? AND connector = ?)",
                requestId, connector, status, now(), requestId, connector);
    }

    public List<TaskRow> forRequest(String requestId) {
        return jdbc.query("SELECT * FROM dsr_task WHERE request_id = ? ORDER BY connector", this::map, requestId);
    }

    public Optional<TaskRow> find(long id) {
        return jdbc.queryOne("SELECT * FROM dsr_task WHERE id = ?", this::map, id);
    }

    /**
     * Failed tasks whose next attempt is due, each leased for {@code lease}: a task waiting in a long
     * queue is not queued again by every sweep (and if the lease runs out, it is).
     */
    public List<TaskRow> takeDueRetries(java.time.Duration lease) {
        OffsetDateTime now = now();
        List<TaskRow> due = jdbc.query("SELECT * FROM dsr_task WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at",
                this::map, TaskStatus.RETRY, now);
        return due.stream().filter(t -> jdbc.update("UPDATE dsr_task SET next_attempt_at = ? WHERE id = ? AND status = ? "
                + "AND next_attempt_at = ?", now.plus(lease), t.id(), TaskStatus.RETRY, t.nextAttemptAt()) == 1).toList();
    }

    /** Queued tasks not claimed for {@code age} (lost from an in-memory queue): taken for dispatch again. */
    public List<TaskRow> takeStalePending(java.time.Duration age) {
        OffsetDateTime now = now();
        List<TaskRow> stale = jdbc.query("SELECT * FROM dsr_task WHERE status = ? AND updated_at < ? ORDER BY id",
                this::map, TaskStatus.PENDING, now.minus(age));
        return stale.stream().filter(t -> jdbc.update("UPDATE dsr_task SET updated_at = ? WHERE id = ? AND status = ? "
                + "AND updated_at = ?", now, t.id(), TaskStatus.PENDING, t.updatedAt()) == 1).toList();
    }

    /**
     * Claims a queued task for one worker. Only the worker whose update changed the row runs it, so a
     * task queued twice (a re-dispatch after restart, a retry sweep) still runs once.
     */
    public boolean claim(long id) {
        OffsetDateTime now = now();
        boolean claimed = jdbc.update("UPDATE dsr_task SET status = ?, attempts = attempts + 1, updated_at = ?, "
                        + "notified_at = COALESCE(notified_at, ?) WHERE id = ? AND status IN (?, ?)",
                TaskStatus.RUNNING, now, now, id, TaskStatus.PENDING, TaskStatus.RETRY) == 1;
        return claimed;
    }

    /** Above this many identifiers a task's finding is stored in batched chunks of this size. */
    static final int IDENTIFIER_CHUNK = 1000;

    /**
     * Records the outcome, the identifiers the task found and the event, in one transaction (the
     * identifiers of a very long history just before it, see below).
     */
    public void finish(TaskRow task, TaskResult finish) {
        int provided = finish.provided().values().stream().mapToInt(List::size).sum();
        if (provided > IDENTIFIER_CHUNK) {
            // A long history (a shop's 200,000 orders) names hundreds of thousands of ids: stored ahead in
            // batched chunks, as one transaction of that size costs minutes and most of a small heap. Safe
            // before the outcome: identifiers are only added, never twice, and a rerun adds the same ones.
            Identifiers.addAll(jdbc, task.requestId(), finish.provided(), task.connector(), IDENTIFIER_CHUNK);
        }
        jdbc.inTransaction(tx -> {
            if (provided <= IDENTIFIER_CHUNK) {
                for (Map.Entry<String, List<String>> e : finish.provided().entrySet()) {
                    for (String value : e.getValue()) {
                        Identifiers.add(tx, task.requestId(), e.getKey(), value, task.connector());
                    }
                }
            }
            tx.update("UPDATE dsr_task SET status = ?, outcome = ?, detail = ?, retained = ?, finished_at = ?, "
                            + "next_attempt_at = NULL, last_error = NULL, updated_at = ? WHERE id = ?",
                    TaskStatus.DONE, finish.outcome(), EventLog.truncate(finish.detail()),
                    Json.write(json, finish.retained()), now(), now(), task.id());
            events.record(tx, task.requestId(), task.connector(), "outcome",
                    finish.outcome() + (finish.detail() == null ? "" : ": " + finish.detail()));
            // what the shop keeps by law is erased when its retention ends: scheduled with the outcome that says so
            RetentionCalendar.schedule(tx, task.requestId(), task.connector(), finish.retained());
            return null;
        });
    }

    /**
     * The retained column of a task settled by hand as RETAINED or PARTIAL: the basis in the officer's own words,
     * never a legal obligation the hub would have to invent. Null for other outcomes.
     */
    public static String settledRetained(Outcome outcome, String officersWords) {
        if (outcome != Outcome.RETAINED && outcome != Outcome.PARTIAL) {
            return null;
        }
        return Json.write(Json.mapper(), List.of(Retention.asStated(officersWords)));
    }

    /** A transient failure: the task runs again at {@code nextAttempt}. */
    public void scheduleRetry(TaskRow task, String error, OffsetDateTime nextAttempt) {
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE dsr_task SET status = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
                    TaskStatus.RETRY, EventLog.truncate(error), nextAttempt, now(), task.id());
            events.record(tx, task.requestId(), task.connector(), "retry-scheduled", error + "; next attempt " + nextAttempt);
            return null;
        });
    }

    /**
     * A claimed task that was not run (its connector's circuit breaker is open): stored for {@code nextAttempt}
     * and its claim not counted as an attempt, since the processor was not called.
     */
    public void postpone(TaskRow task, String why, OffsetDateTime nextAttempt) {
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE dsr_task SET status = ?, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, "
                            + "last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
                    TaskStatus.RETRY, EventLog.truncate(why), nextAttempt, now(), task.id());
            events.record(tx, task.requestId(), task.connector(), "retry-scheduled", why + "; next attempt " + nextAttempt);
            return null;
        });
    }

    /** Moves WAITING tasks to PENDING; returns the ones this call moved (so they are dispatched once). */
    public boolean promote(long id) {
        return jdbc.update("UPDATE dsr_task SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                TaskStatus.PENDING, now(), id, TaskStatus.WAITING) == 1;
    }

    /** Tasks that were RUNNING when the hub stopped go back to the queue. */
    public int requeueInFlight() {
        return jdbc.update("UPDATE dsr_task SET status = ?, updated_at = ? WHERE status = ?",
                TaskStatus.PENDING, now(), TaskStatus.RUNNING);
    }

    /**
     * Makes failed tasks, and those needing attention, of a request due now ({@code retry ID [--connector NAME]});
     * the retry sweep runs them. The officer's retry starts their count of attempts afresh: one whose retries had
     * ended (attempts spent) gets them all again.
     */
    public int retryNow(String requestId, String connector) {
        // a request closed for inactivity is purged: its tasks have nothing left to run with; a refused one asks no more
        String sql = "UPDATE dsr_task SET status = ?, outcome = NULL, attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "WHERE request_id = ? AND request_id NOT IN (SELECT id FROM dsr_request WHERE status IN ('"
                + RequestStore.CLOSED_INACTIVE + "', '" + RequestStore.REFUSED + "')) "
                + "AND (status = ? OR (status = ? AND outcome = ?))" + (connector == null ? "" : " AND connector = ?");
        OffsetDateTime now = now();
        Object[] args = connector == null
                ? new Object[] {TaskStatus.RETRY, now, now, requestId, TaskStatus.RETRY, TaskStatus.DONE, Outcome.NEEDS_ATTENTION}
                : new Object[] {TaskStatus.RETRY, now, now, requestId, TaskStatus.RETRY, TaskStatus.DONE, Outcome.NEEDS_ATTENTION, connector};
        return jdbc.update(sql, args);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private TaskRow map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        String retained = rs.getString("retained");
        return new TaskRow(rs.getLong("id"), rs.getString("request_id"), rs.getString("connector"),
                TaskStatus.valueOf(rs.getString("status")), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getInt("attempts"), Jdbc.timestamp(rs, "next_attempt_at"), Jdbc.timestamp(rs, "notified_at"),
                Jdbc.timestamp(rs, "finished_at"), rs.getString("detail"),
                retained == null ? List.of() : readRetained(retained), rs.getString("last_error"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private List<Retention> readRetained(String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode items = json.readTree(text);
            List<Retention> out = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : items) {
                // an earlier version stored {what, legalBasis, until}: shown as it was stated then
                out.add(item.path("what").isTextual()
                        ? Retention.legacy(item.path("what").asText(), item.path("legalBasis").asText(null),
                                item.hasNonNull("until") ? java.time.LocalDate.parse(item.path("until").asText()) : null)
                        : json.treeToValue(item, Retention.class));
            }
            return out;
        } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("stored retention list is unreadable", e);
        }
    }
}
