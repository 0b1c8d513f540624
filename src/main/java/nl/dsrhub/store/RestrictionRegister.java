package nl.dsrhub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.model.RestrictionReason;

/**
 * The restriction register (GDPR art. 18): each restriction of processing with its reason (art. 18(1)(a)-(d)), in
 * force from the restriction request until a later request lifts it. The subject is kept only as the ledger's keyed
 * pseudonym ({@link SubjectPseudonyms}); the officer sees request ids, reasons and dates. The register itself guards
 * art. 18(3): a restriction is lifted only after the subject was told it will be ({@link #noticeSent}), else
 * {@link #lifted} refuses.
 */
public final class RestrictionRegister {

    /**
     * One restriction: the request that made it, its reason, since when, when the subject was told it is to be lifted,
     * and when and by which request it was lifted (both null while it is in force).
     */
    public record Restriction(long id, String requestId, RestrictionReason reason, OffsetDateTime since,
                              OffsetDateTime noticeSentAt, OffsetDateTime liftedAt, String liftRequestId) {
        public boolean inForce() {
            return liftedAt == null;
        }
    }

    /** What the register will not do, and why (a restriction unknown, lifted already, or not told of first). */
    public static final class Refused extends IllegalStateException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Jdbc jdbc;
    private final SubjectPseudonyms pseudonyms;

    public RestrictionRegister(Jdbc jdbc, SubjectPseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /** The same register inside the caller's transaction (e.g. the one recording the request's outcome). */
    public RestrictionRegister within(Jdbc tx) {
        return new RestrictionRegister(tx, pseudonyms);
    }

    /**
     * Records the restriction the request {@code requestId} made, with its reason, in force from {@code at}.
     * Idempotent: the same request recorded again keeps its first row, which is returned.
     *
     * @throws Refused when the request already recorded a restriction of another subject
     */
    public Restriction record(String requestId, String email, RestrictionReason reason, OffsetDateTime at) {
        String subject = pseudonyms.pseudonym(email);
        try {
            jdbc.update("INSERT INTO dsr_restriction (subject, request_id, reason, since) SELECT ?, ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM dsr_restriction WHERE request_id = ?)", subject, requestId,
                    reason.wire(), at, requestId);
        } catch (StoreException raced) {
            // recorded by another hub between the check and the insert: the unique request_id held; read below
            if (find(requestId).isEmpty()) {
                throw raced;
            }
        }
        boolean sameSubject = jdbc.queryOne("SELECT subject FROM dsr_restriction WHERE request_id = ?",
                rs -> rs.getString(1), requestId).map(subject::equals).orElse(false);
        if (!sameSubject) {
            throw new Refused("request " + requestId + " already recorded a restriction of another subject");
        }
        return find(requestId).orElseThrow();
    }

    /** The restrictions in force for the address (none once all are lifted), oldest first. */
    public List<Restriction> inForce(String email) {
        return jdbc.query("SELECT * FROM dsr_restriction WHERE subject = ? AND lifted_at IS NULL ORDER BY since, id",
                RestrictionRegister::restriction, pseudonyms.pseudonym(email));
    }

    /** The restriction the request {@code restrictionRequestId} made, in force or lifted. */
    public Optional<Restriction> find(String restrictionRequestId) {
        return jdbc.queryOne("SELECT * FROM dsr_restriction WHERE request_id = ?", RestrictionRegister::restriction,
                restrictionRequestId);
    }

    /**
     * Art. 18(3): the subject was told, at {@code at}, that the restriction will be lifted. The first notice stands: a
     * second one (a letter sent again) does not move it.
     *
     * @throws Refused for a restriction that does not exist or was lifted already
     */
    public Restriction noticeSent(String restrictionRequestId, OffsetDateTime at) {
        Restriction r = existing(restrictionRequestId);
        if (!r.inForce()) {
            throw new Refused("the restriction of request " + restrictionRequestId + " was lifted already (by request "
                    + r.liftRequestId() + ")");
        }
        jdbc.update("UPDATE dsr_restriction SET notice_sent_at = ? WHERE request_id = ? AND notice_sent_at IS NULL "
                + "AND lifted_at IS NULL", at, restrictionRequestId);
        return existing(restrictionRequestId);
    }

    /**
     * Lifts the restriction at {@code at}, by the request {@code liftRequestId}. Idempotent for the same lifting
     * request.
     *
     * @throws Refused when the subject was not told before (art. 18(3) GDPR: {@link #noticeSent} first), when the
     *                 restriction does not exist, or when another request lifted it already
     */
    public Restriction lifted(String restrictionRequestId, String liftRequestId, OffsetDateTime at) {
        Restriction r = existing(restrictionRequestId);
        if (!r.inForce()) {
            if (r.liftRequestId().equals(liftRequestId)) {
                return r;
            }
            throw new Refused("the restriction of request " + restrictionRequestId + " was lifted already, by request "
                    + r.liftRequestId());
        }
        if (r.noticeSentAt() == null || r.noticeSentAt().isAfter(at)) {
            throw new Refused("the restriction of request " + restrictionRequestId + " cannot be lifted"
                    + (r.noticeSentAt() == null ? ": the subject was not told first" : " at " + at
                    + ": the subject was told only at " + r.noticeSentAt())
                    + " (art. 18(3) GDPR: the subject is told before a restriction is lifted); record the notice first");
        }
        int n = jdbc.update("UPDATE dsr_restriction SET lifted_at = ?, lift_request_id = ? WHERE request_id = ? "
                + "AND lifted_at IS NULL AND notice_sent_at IS NOT NULL", at, liftRequestId, restrictionRequestId);
        Restriction now = existing(restrictionRequestId);
        if (n == 0 && !liftRequestId.equals(now.liftRequestId())) {
            throw new Refused("the restriction of request " + restrictionRequestId + " was lifted meanwhile, by request "
                    + now.liftRequestId());
        }
        return now;
    }

    /** Every restriction, in force and lifted, oldest first: request ids, reasons and dates, never a subject. */
    public List<Restriction> entries() {
        return jdbc.query("SELECT * FROM dsr_restriction ORDER BY since, id", RestrictionRegister::restriction);
    }

    /** How many restrictions are in force. */
    public long inForceCount() {
        return jdbc.queryOne("SELECT COUNT(*) FROM dsr_restriction WHERE lifted_at IS NULL", rs -> rs.getLong(1)).orElse(0L);
    }

    private Restriction existing(String restrictionRequestId) {
        return find(restrictionRequestId).orElseThrow(() -> new Refused("no restriction was recorded by request "
                + restrictionRequestId));
    }

    private static Restriction restriction(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return new Restriction(rs.getLong("id"), rs.getString("request_id"), RestrictionReason.of(reason)
                .orElseThrow(() -> new IllegalStateException("dsr_restriction holds an unknown reason '" + reason + "'")),
                Jdbc.timestamp(rs, "since"), Jdbc.timestamp(rs, "notice_sent_at"), Jdbc.timestamp(rs, "lifted_at"),
                rs.getString("lift_request_id"));
    }
}
