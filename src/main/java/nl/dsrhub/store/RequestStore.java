package nl.dsrhub.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.DsrRequest;

/** Requests and the identifiers known about their subject. */
public final class RequestStore {

    public static final String RECEIVED = "RECEIVED";
    public static final String PLANNED = "PLANNED";
    public static final String COMPLETING = "COMPLETING";
    public static final String COMPLETED = "COMPLETED";
    /** A mailed request that is not authenticated: stored, nothing planned until the officer confirms it. */
    public static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    /** A held request the officer did not send: closed unplanned, its personal data deleted at once. */
    public static final String DISCARDED = "DISCARDED";
    /**
     * An open request without progress for the purge period: closed after the officer was told, its personal data
     * deleted. The subject is still owed an answer, which the hub no longer gives.
     */
    public static final String CLOSED_INACTIVE = "CLOSED_INACTIVE";
    /**
     * Refused by the officer (GDPR art. 12(4): unverifiable, manifestly unfounded or excessive): closed, nothing more
     * asked of any processor, the subject told why and what they can do; purged like a completed request.
     */
    public static final String REFUSED = "REFUSED";

    /**
     * A lifting of a restriction whose subject is told first (art. 18(3) GDPR): the notice goes out, and the request is
     * planned only when {@code dsr.restriction.lift-notice-period} has passed since (and its restriction request is done).
     */
    public static final String NOTICE_PERIOD = "NOTICE_PERIOD";
    /**
     * An objection on grounds of the subject's particular situation (art. 21(1) GDPR), held with nothing planned until the
     * officer weighs it: upheld (carried out as an erasure) or refused. Its deadline runs meanwhile.
     */
    public static final String AWAITING_DECISION = "AWAITING_DECISION";

    /** The statuses of a request the hub and the officer are done with: completed, discarded, closed or refused. */
    public static final List<String> CLOSED = List.of(COMPLETED, DISCARDED, CLOSED_INACTIVE, REFUSED);

    /** Whether a request of this status still needs the hub or the officer (not {@link #CLOSED}). */
    public static boolean isOpen(String status) {
        return !CLOSED.contains(status);
    }

    /**
     * How a request is let in: straight to {@code RECEIVED} (planned at once), or held {@code AWAITING_CONFIRMATION};
     * with a timeline event saying why, recorded with the request ({@code eventKind} null: none).
     */
    public record Admission(String status, String eventKind, String eventDetail) {
        public static final Admission DIRECT = new Admission(RECEIVED, null, null);

        public static Admission held(String why) {
            return new Admission(AWAITING_CONFIRMATION, "held", why);
        }

        public static Admission authenticated(String how) {
            return new Admission(RECEIVED, "authenticated", how);
        }
    }

    /** The outcome of storing a request: a new one, or the one already stored with the same content. */
    public record Stored(String requestId, boolean duplicate) {
    }

    /**
     * What {@code status} and the planner need of a request without reading its document.
     *
     * @param dueDate          the subject's deadline: the end of that day in Dutch time ({@link Deadlines}), extension included
     * @param originalDueDate  the deadline before the extension, or null when not extended
     * @param processorDueDate the date the processors are asked to answer by
     */
    public record RequestRow(String id, String type, String status, OffsetDateTime receivedAt,
                             LocalDate dueDate, LocalDate originalDueDate, LocalDate processorDueDate,
                             String reference, String source, OffsetDateTime createdAt, OffsetDateTime completedAt) {

        /** The last moment of the due date: after it the request is overdue. */
        public OffsetDateTime deadline() {
            return Deadlines.endOf(dueDate);
        }
    }

    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final EventLog events;
    private final Deadlines deadlines;

    /** With the law's deadline (one month) and the default processors' term. */
    public RequestStore(Jdbc jdbc, Clock clock, EventLog events) {
        this(jdbc, clock, events, Deadlines.law());
    }

    /** @param deadlines the shop's term and the processors' term, from the settings */
    public RequestStore(Jdbc jdbc, Clock clock, EventLog events, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.json = Json.mapper();
        this.deadlines = deadlines;
    }

    /**
     * Stores a validated request with a new id, unless one with the same fingerprint exists: then
     * that one's id is returned and nothing is written.
     */
    public Stored store(DsrRequest request) {
        return store(request, Admission.DIRECT);
    }

    /** As {@link #store(DsrRequest)}, with the status and event of the admission (a duplicate keeps its own). */
    public Stored store(DsrRequest request, Admission admission) {
        Optional<String> existing = idByFingerprint(request.fingerprint());
        if (existing.isPresent()) {
            return new Stored(existing.get(), true);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String id = newId(request.receivedAt());
        // the deadline is reckoned here, where the request reaches the hub: the shop's term and the processors' date
        LocalDate due = deadlines.dueDate(request.receivedAt());
        LocalDate processorsDue = deadlines.processorDueDate(Deadlines.today(clock), due);
        DsrRequest stored = request.withId(id).withDeadline(Deadlines.endOf(due));
        try {
            jdbc.inTransaction(tx -> {
                tx.update("INSERT INTO dsr_request (id, fingerprint, type, status, received_at, deadline, due_date, "
                                + "processor_due_date, source, reference, document, created_at, updated_at) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        id, request.fingerprint(), request.type().wire(), admission.status(), request.receivedAt(),
                        legacyDeadline(due), due, processorsDue, request.source(), request.reference(),
                        Json.write(json, stored), now, now);
                for (Map.Entry<String, String> e : request.subject().identifiers().entrySet()) {
                    Identifiers.add(tx, id, e.getKey(), e.getValue(), "request");
                }
                events.record(tx, id, null, "received", "from " + request.type().wire() + " request " + request.source());
                if (admission.eventKind() != null) {
                    events.record(tx, id, null, admission.eventKind(), admission.eventDetail());
                }
                return null;
            });
        } catch (StoreException e) {
            // Two copies of the same file raced: the unique fingerprint let one in; answer with that one.
            Optional<String> winner = idByFingerprint(request.fingerprint());
            if (winner.isPresent()) {
                return new Stored(winner.get(), true);
            }
            throw e;
        }
        return new Stored(id, false);
    }

    /**
     * The request as submitted, with its current deadline (an extension changes the row, not the document); empty for an
     * unknown request and for one whose document was purged.
     */
    public Optional<DsrRequest> find(String id) {
        return jdbc.queryOne("SELECT document, due_date FROM dsr_request WHERE id = ? AND document IS NOT NULL",
                rs -> {
                    DsrRequest document = Json.read(json, rs.getString(1), DsrRequest.class);
                    return document.withDeadline(Deadlines.endOf(rs.getObject(2, LocalDate.class)));
                }, id);
    }

    public DsrRequest get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no request " + id));
    }

    public Optional<RequestRow> row(String id) {
        return jdbc.queryOne("SELECT * FROM dsr_request WHERE id = ?", this::mapRow, id);
    }

    /** Requests not completed, discarded, closed nor refused, held ones included: their deadline runs too. */
    public List<RequestRow> open() {
        return jdbc.query("SELECT * FROM dsr_request WHERE status NOT IN (?, ?, ?, ?) ORDER BY due_date, id",
                this::mapRow, CLOSED.toArray());
    }

    public List<RequestRow> all() {
        return jdbc.query("SELECT * FROM dsr_request ORDER BY created_at, id", this::mapRow);
    }

    public List<String> idsWithStatus(String status) {
        return jdbc.query("SELECT id FROM dsr_request WHERE status = ? ORDER BY created_at", rs -> rs.getString(1), status);
    }

    /** Moves a request from one status to the next; false if another worker already did. */
    public boolean transition(String id, String from, String to) {
        if (COMPLETED.equals(to)) {
            throw new IllegalArgumentException("a request is completed with complete(), which records the event with it");
        }
        return jdbc.update("UPDATE dsr_request SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                to, OffsetDateTime.now(clock), id, from) == 1;
    }

    /**
     * COMPLETING to COMPLETED together with what the caller records in the same transaction (the {@code completed}
     * event and its ledger row): both happen or neither, so a stop between them cannot record a completion twice.
     * False when the request was not COMPLETING.
     */
    public boolean complete(String id, java.util.function.Consumer<Jdbc> alsoRecord) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE dsr_request SET status = ?, updated_at = ?, completed_at = ? WHERE id = ? AND status = ?",
                    COMPLETED, now, now, id, COMPLETING) != 1) {
                return false;
            }
            alsoRecord.accept(tx);
            return true;
        });
    }

    /**
     * Deletes every personal field of a request in the caller's transaction: the document, source, reference,
     * extension reason, identifiers, the call journal's keys, free-text details of events and tasks. Its id,
     * type, dates and outcomes remain. False when it was purged before.
     */
    public static boolean erasePersonalData(Jdbc tx, String requestId, OffsetDateTime now) {
        int n = tx.update("UPDATE dsr_request SET document = NULL, source = NULL, reference = NULL, extension_reason = NULL, "
                + "refusal_reason = NULL, "
                + "fingerprint = ?, purged_at = ?, updated_at = ? WHERE id = ? AND purged_at IS NULL", "purged:" + requestId, now, now, requestId);
        if (n == 0) {
            return false;
        }
        tx.update("DELETE FROM dsr_identifier WHERE request_id = ?", requestId);
        tx.update("DELETE FROM dsr_call WHERE task_id IN (SELECT id FROM dsr_task WHERE request_id = ?)", requestId);
        tx.update("UPDATE dsr_event SET detail = NULL WHERE request_id = ?", requestId);
        tx.update("UPDATE dsr_task SET last_error = NULL WHERE request_id = ?", requestId);
        // the officer's reason for a settlement is free text: it may name the person (also where it states what is kept)
        tx.update("UPDATE dsr_task SET retained = NULL WHERE request_id = ? AND detail LIKE 'settled by hand%'", requestId);
        tx.update("UPDATE dsr_task SET detail = 'settled by hand' WHERE request_id = ? AND detail LIKE 'settled by hand%'", requestId);
        return true;
    }

    /** All identifiers known for a request, by name. */
    public Map<String, List<String>> identifiers(String requestId) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        jdbc.query("SELECT name, id_value FROM dsr_identifier WHERE request_id = ? ORDER BY name, id_value",
                rs -> out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)),
                requestId);
        return out;
    }

    private Optional<String> idByFingerprint(String fingerprint) {
        return jdbc.queryOne("SELECT id FROM dsr_request WHERE fingerprint = ?", rs -> rs.getString(1), fingerprint);
    }

    /** Ids read well on a phone call with a processor: R + date received + six random characters. */
    static String newId(OffsetDateTime receivedAt) {
        StringBuilder sb = new StringBuilder("R")
                .append(receivedAt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd")))
                .append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /**
     * The {@code deadline} column, kept in step with {@code due_date} for tools that read it: 23:59:59 Dutch time of
     * the due date (whole seconds, so no database rounds it into the next day).
     */
    public static OffsetDateTime legacyDeadline(LocalDate due) {
        return Deadlines.endOf(due).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private RequestRow mapRow(ResultSet rs) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        OffsetDateTime created = Jdbc.timestamp(rs, "created_at");
        LocalDate original = rs.getObject("original_due_date", LocalDate.class);
        LocalDate processorsDue = rs.getObject("processor_due_date", LocalDate.class);
        if (processorsDue == null) {
            // stored before the hub kept it: reckoned the same way, from the day the request reached the hub
            processorsDue = deadlines.processorDueDate(Deadlines.dateOf(created), original != null ? original : due);
        }
        return new RequestRow(rs.getString("id"), rs.getString("type"), rs.getString("status"),
                Jdbc.timestamp(rs, "received_at"), due, original, processorsDue, rs.getString("reference"),
                rs.getString("source"), created, Jdbc.timestamp(rs, "completed_at"));
    }
}
