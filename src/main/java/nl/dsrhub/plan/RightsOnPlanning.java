package nl.dsrhub.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.Identifiers;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import nl.dsrhub.store.RestrictionScope;
import nl.dsrhub.store.SuppressionRegister;

/**
 * What the rights of issue 14 do at the moment the hub decides to act on a request (the planner's transaction, once
 * the request is no longer held for confirmation): a restriction is in force from then, recorded in the restriction
 * register with its reason; an objection to direct marketing is absolute from then, its address in the suppression
 * register; a lifting waits until its subject was told and the notice period passed (art. 18(3)); an objection on
 * grounds of a particular situation waits for the officer's decision (art. 21(1)). Nothing is asked of any processor
 * before that.
 */
public final class RightsOnPlanning {

    private final RestrictionRegister restrictions;
    private final SuppressionRegister suppression;
    private final RequestStore requests;
    private final EventLog events;
    private final Clock clock;
    private final Duration noticePeriod;

    public RightsOnPlanning(RestrictionRegister restrictions, SuppressionRegister suppression, RequestStore requests,
                            EventLog events, Clock clock, Duration noticePeriod) {
        this.restrictions = restrictions;
        this.suppression = suppression;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
        this.noticePeriod = noticePeriod;
    }

    /**
     * In the planning transaction, after the request moved to {@code PLANNED}: records what is in force from now, and
     * holds what must wait. Returns the status the request waits in (set here), or empty to plan its tasks now.
     */
    public Optional<String> onPlanning(Jdbc tx, DsrRequest request) {
        Particulars p = request.particulars();
        if (p.restriction() != null) {
            record(tx, request, p.restriction());
        } else if (p.objection() != null && p.objection().directMarketing()) {
            suppression.within(tx).add(request.id(), request.subject().email(), OffsetDateTime.now(clock));
            events.record(tx, request.id(), null, "suppressed", "the address is in the suppression register from now:"
                    + " never used for direct marketing again (art. 21(3) GDPR)");
        } else if (p.objection() != null) {
            return hold(tx, request, RequestStore.AWAITING_DECISION, "awaiting the officer's decision (art. 21(1) GDPR):"
                    + " uphold it (carried out as an erasure) or refuse it with reasons");
        } else if (p.lift() != null) {
            if (!liftMayGo(tx, request)) {
                return hold(tx, request, RequestStore.NOTICE_PERIOD, "the subject is told first (art. 18(3) GDPR);"
                        + " planned once the notice period of " + noticePeriod.toDays() + " day(s) has passed");
            }
            release(tx, request);
        }
        return Optional.empty();
    }

    /**
     * Whether a lifting may be carried out now: its subject was told ({@code noticeSent}) at least the notice period ago,
     * the restriction is still in force, and the restriction request is done (what it changed is on record).
     */
    public boolean liftMayGo(DsrRequest lift) {
        return liftMayGo(null, lift);
    }

    /** The earliest moment the lifting may be carried out: the notice plus its period; empty before the notice. */
    public Optional<OffsetDateTime> liftableFrom(OffsetDateTime noticeSentAt) {
        return Optional.ofNullable(noticeSentAt).map(t -> t.plus(noticePeriod));
    }

    public Duration noticePeriod() {
        return noticePeriod;
    }

    private boolean liftMayGo(Jdbc tx, DsrRequest lift) {
        String restrictionId = lift.particulars().lift().restrictionRequestId();
        Optional<Restriction> r = (tx == null ? restrictions : restrictions.within(tx)).find(restrictionId);
        boolean told = r.filter(Restriction::inForce).flatMap(x -> liftableFrom(x.noticeSentAt()))
                .map(from -> !OffsetDateTime.now(clock).isBefore(from)).orElse(false);
        boolean restrictionDone = requests.row(restrictionId).map(row -> !RequestStore.isOpen(row.status())).orElse(true);
        return told && restrictionDone;
    }

    /** A restriction in force from now, in the register with its reason. */
    private void record(Jdbc tx, DsrRequest request, Particulars.Restriction restriction) {
        RestrictionReason reason = RestrictionReason.of(restriction.reason()).orElseThrow();
        restrictions.within(tx).record(request.id(), request.subject().email(), reason, OffsetDateTime.now(clock));
        events.record(tx, request.id(), null, "restriction-recorded", "in force from now, in the restriction register: "
                + reason.wire() + " (" + reason.article() + ")");
    }

    /** A lifting that may go: what its restriction changed where the processor keeps no mark is handed to its tasks. */
    private void release(Jdbc tx, DsrRequest lift) {
        String restrictionId = lift.particulars().lift().restrictionRequestId();
        Map<String, List<String>> scope = RestrictionScope.of(tx, restrictionId);
        scope.forEach((name, values) -> values.forEach(v -> Identifiers.add(tx, lift.id(), name, v,
                "restriction " + restrictionId)));
        events.record(tx, lift.id(), null, "lift-released", "the notice period has passed: the restriction of "
                + restrictionId + " is lifted now");
    }

    private Optional<String> hold(Jdbc tx, DsrRequest request, String status, String why) {
        tx.update("UPDATE dsr_request SET status = ?, updated_at = ? WHERE id = ? AND status = ?", status,
                OffsetDateTime.now(clock), request.id(), RequestStore.PLANNED);
        events.record(tx, request.id(), null, "held", why);
        return Optional.of(status);
    }
}
