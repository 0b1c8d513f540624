package nl.dsrhub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request open without progress for longer than the purge period is not kept for ever: the officer is told
 * {@code noticeDays} before, then it is closed ({@link RequestStore#CLOSED_INACTIVE}) and its personal data deleted;
 * it stays in {@code status} and in the register, and the officer is told that the subject is still owed an answer.
 * <p>Without progress: the hub can do nothing more by itself (no task queued, running or retrying; the request is
 * neither being completed nor written), and nothing happened to it for {@code afterDays}: no event but the hub's own
 * waiting (reminders, scheduled retries). Any answer, settlement, retry, extension or confirmation starts the period
 * again. Held requests never confirmed, and requests whose every task awaits a reply or the officer, are such.
 */
public final class InactiveRequests {

    private static final Logger LOG = LoggerFactory.getLogger(InactiveRequests.class);

    /** Events of the hub's own waiting: they are no progress. */
    private static final List<String> WAITING = List.of("reminder-sent", "reminder-failed", "retry-scheduled");
    /** The officer's notice when the request has been closed. */
    public static final String CLOSED = "closed-inactive";

    private final Jdbc jdbc;
    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final OfficerNotices notices;
    private final Purge purge;
    private final Clock clock;
    private final int afterDays;
    private final int noticeDays;

    public InactiveRequests(Jdbc jdbc, RequestStore requests, TaskStore tasks, EventLog events, OfficerNotices notices,
                            Purge purge, Clock clock, int afterDays, int noticeDays) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.notices = notices;
        this.purge = purge;
        this.clock = clock;
        this.afterDays = afterDays;
        this.noticeDays = noticeDays;
    }

    /** The warnings not given yet: requests that will be closed in {@code noticeDays} unless something happens. */
    public List<OfficerNotice> warnings() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OfficerNotice> out = new ArrayList<>();
        for (Idle idle : idle()) {
            OffsetDateTime warnFrom = idle.since().plusDays(Math.max(0, afterDays - noticeDays));
            if (!now.isBefore(warnFrom) && !notices.raised(idle.row().id(), warningLevel(idle))) {
                OffsetDateTime closing = idle.since().plusDays(afterDays);
                out.add(new OfficerNotice(idle.row().id(), warningLevel(idle), now, warning(idle, closing.isAfter(now.plusDays(noticeDays))
                        ? closing : now.plusDays(noticeDays))));
            }
        }
        return out;
    }

    /** The requests to close now: idle for the period, and warned at least {@code noticeDays} ago. */
    public List<String> due() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> out = new ArrayList<>();
        for (Idle idle : idle()) {
            Optional<OffsetDateTime> warned = warnedAt(idle);
            if (warned.isPresent() && !now.isBefore(idle.since().plusDays(afterDays))
                    && !now.isBefore(warned.get().plusDays(noticeDays))) {
                out.add(idle.row().id());
            }
        }
        return out;
    }

    /**
     * Closes the request if it is still idle since the same moment: {@code CLOSED_INACTIVE}, its unsettled tasks ended,
     * its personal data deleted, the events recorded (the ledger keeps {@code closed-inactive}). Returns the officer's
     * notice, or null when something happened meanwhile.
     */
    public OfficerNotice close(String requestId) {
        Optional<Idle> idle = idle().stream().filter(i -> i.row().id().equals(requestId)).findFirst();
        if (idle.isEmpty()) {
            return null;
        }
        OffsetDateTime since = idle.get().since();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String day = since.toLocalDate().toString();
        boolean closed = jdbc.inTransaction(tx -> {
            if (!since.equals(lastProgress(tx, idle.get().row())) || tx.update("UPDATE dsr_request SET status = ?, updated_at = ? "
                    + "WHERE id = ? AND status = ?", RequestStore.CLOSED_INACTIVE, now, requestId, idle.get().row().status()) != 1) {
                return false;
            }
            tx.update("UPDATE dsr_task SET status = ?, outcome = ?, detail = ?, finished_at = ?, updated_at = ? WHERE request_id = ? "
                            + "AND (outcome IS NULL OR outcome IN (?, ?))", TaskStatus.DONE, Outcome.NEEDS_ATTENTION,
                    "not settled: the request was closed for inactivity on " + now.toLocalDate(), now, now, requestId,
                    Outcome.AWAITING_REPLY, Outcome.NEEDS_ATTENTION);
            tx.update("DELETE FROM dsr_confirmation_code WHERE request_id = ?", requestId);
            RequestStore.erasePersonalData(tx, requestId, now);
            // recorded after the erasure, which clears the details recorded before it
            events.record(tx, requestId, null, CLOSED, "no progress since " + day + " (" + afterDays + " day(s)); closed, the"
                    + " officer was told beforehand; the subject is still owed an answer");
            events.record(tx, requestId, null, "purged", "personal data deleted when the request was closed for inactivity");
            return true;
        });
        if (!closed) {
            return null;
        }
        // closed and purged in the database: the officer is told now, whatever folders cannot go yet
        purge.deleteFiles(requestId);
        LOG.warn("request {}: closed for inactivity (no progress since {}), personal data deleted", requestId, day);
        return new OfficerNotice(requestId, CLOSED, now, "Request " + requestId + " (" + idle.get().row().type() + ") was closed for"
                + " inactivity: no progress since " + day + ". Its personal data are deleted; status and the register show it as"
                + " " + RequestStore.CLOSED_INACTIVE + ". The hub has not answered the subject: the answer is still owed.");
    }

    /** An open request the hub can do nothing more for by itself, and since when nothing happened to it. */
    private record Idle(RequestStore.RequestRow row, OffsetDateTime since, List<TaskStore.TaskRow> tasks) {
    }

    private List<Idle> idle() {
        List<Idle> out = new ArrayList<>();
        for (RequestStore.RequestRow r : requests.open()) {
            List<TaskStore.TaskRow> ts = tasks.forRequest(r.id());
            // a lifting in its notice period waits for the hub's own schedule (art. 18(3)), not for anyone
            boolean hubAtWork = RequestStore.RECEIVED.equals(r.status()) || RequestStore.COMPLETING.equals(r.status())
                    || RequestStore.NOTICE_PERIOD.equals(r.status()) || ts.stream().anyMatch(t -> t.status() == TaskStatus.PENDING || t.status() == TaskStatus.RUNNING
                    || t.status() == TaskStatus.RETRY);
            if (!hubAtWork) {
                out.add(new Idle(r, lastProgress(jdbc, r), ts));
            }
        }
        return out;
    }

    /** The last event that was not the hub's own waiting, to the second; the request's creation when none. */
    private static OffsetDateTime lastProgress(Jdbc db, RequestStore.RequestRow r) {
        List<OffsetDateTime> last = db.query("SELECT MAX(at) AS last FROM dsr_event WHERE request_id = ? AND kind NOT IN (?, ?, ?)",
                rs -> Jdbc.timestamp(rs, "last"), r.id(), WAITING.get(0), WAITING.get(1), WAITING.get(2));
        OffsetDateTime since = last.isEmpty() || last.get(0) == null ? r.createdAt() : last.get(0);
        return since.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** One warning per quiet spell: progress starts a new one. */
    private static String warningLevel(Idle idle) {
        return "inactive-since-" + idle.since().toInstant();
    }

    private Optional<OffsetDateTime> warnedAt(Idle idle) {
        return jdbc.queryOne("SELECT at FROM dsr_officer_notice WHERE request_id = ? AND level = ?",
                rs -> Jdbc.timestamp(rs, "at"), idle.row().id(), warningLevel(idle));
    }

    private String warning(Idle idle, OffsetDateTime closing) {
        RequestStore.RequestRow r = idle.row();
        String waiting = idle.tasks().stream().filter(t -> t.outcome() == null || !t.outcome().isFinal())
                .map(t -> t.connector() + " " + (t.outcome() == null ? t.status() : t.outcome())).collect(Collectors.joining(", "));
        String what = RequestStore.AWAITING_CONFIRMATION.equals(r.status()) ? "it awaits your confirmation; confirm or discard it"
                : RequestStore.AWAITING_DECISION.equals(r.status()) ? "the objection awaits your decision; uphold or refuse it"
                : "waiting: " + (waiting.isEmpty() ? "nothing the hub can do" : waiting) + "; settle or retry its tasks, or extend"
                + " its deadline";
        return "Request " + r.id() + " (" + r.type() + ") has had no progress since " + idle.since().toLocalDate() + " ("
                + Duration.between(idle.since(), OffsetDateTime.now(clock)).toDays() + " day(s)): " + what + ". Unless something"
                + " happens, the hub closes it on " + closing.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() + " as " + RequestStore.CLOSED_INACTIVE + " and deletes"
                + " its personal data; the subject would still be owed an answer.";
    }
}
