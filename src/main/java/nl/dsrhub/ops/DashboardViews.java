package nl.dsrhub.ops;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import nl.dsrhub.ops.DashboardPages.ConnectorLine;
import nl.dsrhub.ops.DashboardPages.Event;
import nl.dsrhub.ops.DashboardPages.Extension;
import nl.dsrhub.ops.DashboardPages.Facts;
import nl.dsrhub.ops.DashboardPages.Frame;
import nl.dsrhub.ops.DashboardPages.Ground;
import nl.dsrhub.ops.DashboardPages.Mark;
import nl.dsrhub.ops.DashboardPages.Notice;
import nl.dsrhub.ops.DashboardPages.OpenRequest;
import nl.dsrhub.ops.DashboardPages.RefuseConfirmPage;
import nl.dsrhub.ops.DashboardPages.Refusing;
import nl.dsrhub.ops.DashboardPages.TaskLine;
import nl.dsrhub.plan.ExtensionReason;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.result.OutcomeText;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.result.RefusalGround;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore.RequestRow;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * Turns the stores' rows into the dashboard's view records ({@link DashboardPages}): what each cell says, which
 * mark a row gets, which forms a task offers. No HTML here: the templates make it, escaping every value.
 */
final class DashboardViews {

    private DashboardViews() {
    }

    /** A row of the overview; {@code level} is the deadline watch's level now (null: in time). */
    static OpenRequest openRequest(RequestRow r, String level, OffsetDateTime now) {
        return new OpenRequest(r.id(), link(r.id()), r.type(), r.status(), Deadlines.dateOf(r.receivedAt()).toString(),
                r.dueDate().toString(), Deadlines.daysLeft(r.dueDate(), now), r.processorDueDate().toString(),
                level == null ? "ok" : level, Mark.of(level));
    }

    static Notice notice(OfficerNotice n) {
        return new Notice(n.level(), OfficerTime.of(n.at()), n.message());
    }

    static ConnectorLine connector(ConnectorHealthCheck.Health h) {
        return new ConnectorLine(h.connector(), h.up(), h.stats().lastSuccess() == null ? "never"
                : h.stats().lastSuccess().truncatedTo(ChronoUnit.SECONDS).toString(), h.stats().consecutiveFailures(), h.breaker());
    }

    /**
     * The facts of a request; for an open one the days left and its mark; {@code representative} the one who made it on
     * the subject's behalf, or null.
     */
    static Facts facts(RequestRow r, boolean open, String level, OffsetDateTime now,
                       nl.dsrhub.model.Representative representative) {
        return new Facts(r.type(), r.status(), OfficerTime.of(r.receivedAt()), r.dueDate().toString(),
                r.originalDueDate() == null ? null : r.originalDueDate().toString(),
                open, Deadlines.daysLeft(r.dueDate(), now), open ? Mark.of(level) : null, r.processorDueDate().toString(),
                representative == null ? null : representative.authorityLine(),
                RequestStory.due(r.dueDate(), open, DeadlineWatch.DUE_SOON.equals(level), now));
    }

    /**
     * A task line: retry offered on an open request for a task waiting to be retried or needing the officer; settle
     * where the settlement allows it ({@code settleable}); the outcome in the words the subject reads for a request of
     * {@code type} ("not corrected" for a rectification's RETAINED).
     */
    static TaskLine task(TaskRow t, RequestType type, boolean open, boolean settleable) {
        boolean retry = open && (t.status() == TaskStatus.RETRY || t.outcome() == Outcome.NEEDS_ATTENTION);
        return new TaskLine(t.connector(), String.valueOf(t.status()), OutcomeText.of(type, t.outcome()),
                t.outcome() == null ? "" : t.outcome().name(),
                t.attempts(), t.lastError() != null ? t.lastError() : t.detail(), retry, open && settleable);
    }

    static Event event(EventLog.Event e) {
        return new Event(OfficerTime.of(e.at()), e.connector(), e.kind(), e.detail());
    }

    /** The extension section of an open request: the form, or that it was extended once already. */
    static Extension extension(boolean alreadyExtended) {
        return new Extension(alreadyExtended, ExtensionReason.PURPOSE, ExtensionReason.MAX_LENGTH);
    }

    /** The refusal section: the grounds in their order, and the date the letter must reach the subject by. */
    /** @param awaitingDecision an objection the officer weighs: the ground compelling (art. 21(1)) is offered too */
    static Refusing refusing(LocalDate due, boolean awaitingDecision) {
        return new Refusing(due.toString(), Arrays.stream(RefusalGround.values())
                .filter(g -> awaitingDecision || g != RefusalGround.COMPELLING)
                .map(g -> new Ground(g.wire(), g.articles())).toList(), Refusal.MAX_REASON);
    }

    /**
     * The outcomes an officer may record by hand for a task of a request of {@code type} (its wire name), in their
     * order: what the type calls done (a rectification's RECTIFIED, never an erasure's ERASED), NOT_FOUND, RETAINED and
     * PARTIAL, as the settlement accepts them.
     */
    static List<String> settleOutcomes(String type) {
        return Settlement.settleableFor(RequestType.fromWire(type)).stream().map(Outcome::name).toList();
    }

    /** The refusal's confirmation step: what refusing will do and by when the letter must reach the subject. */
    static RefuseConfirmPage refuseConfirm(Frame frame, String id, RefusalGround ground, String reason, Refusal.Preview p) {
        String due = p.late() ? "The deadline (" + p.due() + ") has passed: send the letter at once."
                : "It must reach the subject by " + p.due() + " (art. 12(3) and (4)).";
        return new RefuseConfirmPage(frame, id, link(id), ground.wire(), ground.articles(), reason,
                p.stopped().isEmpty() ? null : String.join(", ", p.stopped()),
                p.toldByLetter().isEmpty() ? null : String.join(", ", p.toldByLetter()), due);
    }

    static DashboardPages.RegisterCounts registerCounts(Registers.Counts c) {
        return new DashboardPages.RegisterCounts(c.suppressed(), c.openFindings(), c.restrictionsInForce());
    }

    /** An open re-subscription finding: where, and the register entry's request; never the address. */
    static DashboardPages.FindingLine finding(nl.dsrhub.store.SuppressionRegister.Finding f) {
        return new DashboardPages.FindingLine(f.id(), f.connector(), f.list() == null ? "-" : f.list(), f.requestId(),
                Registers.shortTime(f.foundAt()));
    }

    /** The request's page address, its id URL-encoded. */
    static String link(String id) {
        return "/requests/" + Web.url(id);
    }
}
