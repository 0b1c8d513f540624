package nl.dsrhub.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;

/**
 * Requests put straight into the stores in the state a test needs (a status, dates, tasks with outcomes) where a real
 * flow would take weeks. Stored held (nothing plans a held request), then moved to the wanted status: a running hub
 * never runs them. The subject is the same invented address for all, {@link #SUBJECT}, for tests that look for it.
 */
public final class SeededRequests {

    public static final String SUBJECT = "seed.subject@example.nl";

    private final Jdbc jdbc;
    private final RequestStore requests;
    private final TaskStore tasks;

    public SeededRequests(Jdbc jdbc, RequestStore requests, TaskStore tasks) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.tasks = tasks;
    }

    /**
     * A request of {@code type} with this status, reference and dates ({@code completedAt} null: not completed) and a
     * finished task per connector with its outcome; returns its id.
     */
    public String add(RequestType type, String status, String reference, OffsetDateTime receivedAt, LocalDate due,
                      OffsetDateTime completedAt, Map<String, Outcome> taskOutcomes) {
        String id = requests.store(Requests.of(type, SUBJECT, Map.of()), RequestStore.Admission.held("seeded by a test"))
                .requestId();
        jdbc.update("UPDATE dsr_request SET status = ?, reference = ?, received_at = ?, due_date = ?, deadline = ?,"
                        + " completed_at = ? WHERE id = ?", status, reference, receivedAt, due,
                RequestStore.legacyDeadline(due), completedAt, id);
        taskOutcomes.forEach((connector, outcome) -> {
            tasks.create(jdbc, id, connector, TaskStatus.DONE);
            jdbc.update("UPDATE dsr_task SET outcome = ? WHERE request_id = ? AND connector = ?", outcome.name(), id,
                    connector);
        });
        return id;
    }

    /** An open request (held for the officer's confirmation: nothing runs) due on {@code due}. */
    public String open(String reference, OffsetDateTime receivedAt, LocalDate due) {
        return add(RequestType.ERASURE, RequestStore.AWAITING_CONFIRMATION, reference, receivedAt, due, null, Map.of());
    }
}
