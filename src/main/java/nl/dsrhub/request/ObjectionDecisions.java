package nl.dsrhub.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officer upholds an objection on grounds of the subject's particular situation (art. 21(1) GDPR), held
 * {@code AWAITING_DECISION}: the processing must stop, so the data go (art. 17(1)(c)). The hub carries it out as an
 * erasure request of its own, linked to the objection: the same subject, verification, representative and processors,
 * the objection's deadline (an extension included), so every erasure rule (retention, letters, art. 19, the
 * confirmation) applies unchanged; the objection is completed with the link, in the same transaction. Refusing it is
 * {@code Refusal}'s, on its own ground {@code compelling} among the others.
 */
public final class ObjectionDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectionDecisions.class);

    /** What the officer may not do now, and why (not held for a decision, no such request). */
    public static final class NotHeld extends IllegalArgumentException {
        NotHeld(String message) {
            super(message);
        }
    }

    /** An upheld objection and the erasure request that carries it out. */
    public record Upheld(String objectionId, String erasureId) {
    }

    private final RequestStore requests;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Deadlines deadlines;
    private final java.nio.file.Path outbox;

    /** @param outbox where the linked erasure's receipt is written, as for any request taken in */
    public ObjectionDecisions(RequestStore requests, EventLog events, Jdbc jdbc, Clock clock, Deadlines deadlines,
                              java.nio.file.Path outbox) {
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadlines = deadlines;
        this.outbox = outbox;
    }

    /**
     * Upholds the held objection: the linked erasure is stored {@code RECEIVED} (planned by the sweep within seconds, or
     * at once when the caller sends its id to {@code seda:plan}) and the objection completed.
     *
     * @param how for the timeline after "upheld ": {@code "on the dashboard"}, {@code "with the CLI"}, {@code "by the API"}
     * @throws NotHeld when there is no such request or it awaits no decision
     */
    public Upheld uphold(String objectionId, String how) {
        RequestStore.RequestRow row = held(objectionId);
        DsrRequest objection = requests.get(objectionId);
        DsrRequest erasure = new DsrRequest(null, Particulars.Objection.upheldAs(), objection.receivedAt(), objection.deadline(),
                objection.subject(), objection.verification(), objection.delivery(), objection.processors(),
                objection.reference(), DsrRequest.UPHELD_OBJECTION + objectionId, linkedFingerprint(objectionId),
                objection.representative(), Particulars.NONE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // one transaction: the objection completed and its erasure stored, or neither (a refusal meanwhile wins)
        String erasureId = jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE dsr_request SET status = ?, completed_at = ?, updated_at = ? WHERE id = ? AND status = ?",
                    RequestStore.COMPLETED, now, now, objectionId, RequestStore.AWAITING_DECISION) != 1) {
                return null;
            }
            String id = new RequestStore(tx, clock, events, deadlines).store(erasure).requestId();
            // the objection's deadline is the erasure's: one answer is owed, by the date already set (extension included)
            tx.update("UPDATE dsr_request SET due_date = ?, original_due_date = ?, processor_due_date = ?, deadline = ?, "
                            + "extended_at = (SELECT extended_at FROM dsr_request WHERE id = ?) WHERE id = ?", row.dueDate(),
                    row.originalDueDate(), row.processorDueDate(), RequestStore.legacyDeadline(row.dueDate()), objectionId, id);
            events.record(tx, objectionId, null, "upheld", "upheld " + how + ": carried out as erasure request " + id
                    + " (art. 17(1)(c) GDPR), by this request's deadline");
            events.record(tx, objectionId, null, "completed", "objection upheld: the answer is erasure request " + id
                    + "'s confirmation");
            events.record(tx, id, null, "linked", "carries out objection " + objectionId + ", upheld by the officer"
                    + " (art. 21(1) and 17(1)(c) GDPR)");
            return id;
        });
        if (erasureId == null) {
            held(objectionId);
            throw new NotHeld("request " + objectionId + " changed meanwhile: look again");
        }
        try {
            // the erasure's receipt, as any request's: it says the objection, upheld, is why the data go
            new nl.dsrhub.result.ReceiptWriter().write(requests.get(erasureId), outbox.resolve(erasureId));
        } catch (java.io.IOException e) {
            LOG.warn("request {}: the receipt of erasure {} could not be written: {}", objectionId, erasureId,
                    e.getClass().getSimpleName());
        }
        LOG.info("request {}: objection upheld, carried out as erasure {}", objectionId, erasureId);
        return new Upheld(objectionId, erasureId);
    }

    /** The objection's row, when it awaits the officer's decision. */
    private RequestStore.RequestRow held(String objectionId) {
        RequestStore.RequestRow row = requests.row(objectionId).orElseThrow(() -> new NotHeld("no request " + objectionId));
        if (!RequestStore.AWAITING_DECISION.equals(row.status())) {
            throw new NotHeld("request " + objectionId + " awaits no decision (it is " + row.status() + "): only an objection"
                    + " on grounds of a particular situation (art. 21(1)) is upheld or refused by the officer");
        }
        return row;
    }

    /** One erasure per objection, however often it is upheld: its fingerprint is the objection's id, hashed. */
    static String linkedFingerprint(String objectionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("upheld objection " + objectionId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
