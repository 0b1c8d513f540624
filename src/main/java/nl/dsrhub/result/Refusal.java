package nl.dsrhub.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.text.SingleLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officer refuses a request (GDPR art. 12(4)): the requester cannot be identified as the subject, or the request
 * is manifestly unfounded or excessive (art. 12(5)). One operation for the dashboard, the API and {@code refuse}. The
 * request is closed {@code REFUSED} and nothing more is asked of any processor: tasks not settled end {@code REFUSED}
 * (a queued or retrying one is never run; one running now makes the refusal wait); processors already asked by letter
 * are told the request is withdrawn (the mail package's {@code RefusalNotices}); what processors already did stays done and the letter says
 * so. The letter to the subject (reasons, remedies) is written to {@code outbox/<id>/refusal-letter.html} from what
 * the database holds, so it can always be written again; the timeline and the register record the ground, never the
 * reasons. A refused request is purged like a completed one.
 */
public final class Refusal {

    private static final Logger LOG = LoggerFactory.getLogger(Refusal.class);

    public static final String LETTER = "refusal-letter.html";
    /** The officer's reasons are for one letter: a few sentences, on one line. */
    public static final int MAX_REASON = 1000;
    /** How a stopped task's detail starts. */
    public static final String STOPPED = "stopped: the request was refused";
    /** In a stopped task's detail: its processor was asked by letter and is told the request is withdrawn. */
    public static final String TOLD = "the processor is told it is withdrawn";

    /**
     * A refusal as done: the letter written, the due date it must reach the subject by (art. 12(3) and (4)) and
     * whether that has passed, the processors stopped and those asked by letter, who are told the request is withdrawn.
     */
    public record Done(String requestId, RefusalGround ground, Path letter, LocalDate due, boolean late,
                       List<String> stopped, List<String> toldByLetter) {
    }

    /** What a refusal would do now, for the dashboard's confirmation step. */
    public record Preview(LocalDate due, boolean late, List<String> stopped, List<String> toldByLetter) {
    }

    private final RequestStore requests;
    private final EventLog events;
    private final Jdbc jdbc;
    private final RefusalLetter letters;
    private final Path outbox;
    private final Clock clock;

    public Refusal(RequestStore requests, EventLog events, Jdbc jdbc, RefusalLetter letters, Path outbox, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.letters = letters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What refusing the open request would stop and whom it would tell; refused like {@link #refuse} when it cannot be. */
    public Preview preview(String requestId) {
        RequestStore.RequestRow r = refusable(requestId);
        List<Unsettled> unsettled = unsettled(jdbc, requestId);
        return new Preview(r.dueDate(), late(r), names(unsettled, false), names(unsettled, true));
    }

    /**
     * Refuses the request; returns what was done.
     *
     * @throws Settlement.Refused with the reason, when the ground or reasons are missing, the request is not open, its
     *                            result is being written, or a processor is being asked right now
     */
    public Done refuse(String requestId, String groundName, String reason) {
        RefusalGround ground = ground(groundName);
        String why = reason(reason);
        RequestStore.RequestRow r = refusable(requestId);
        if (ground == RefusalGround.COMPELLING && !RequestStore.AWAITING_DECISION.equals(r.status())) {
            throw new Settlement.Refused("the ground compelling (art. 21(1)) refuses only an objection on grounds of a"
                    + " particular situation awaiting your decision; request " + requestId + " is none");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Unsettled> stopped = jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE dsr_request SET status = ?, refusal_ground = ?, refusal_reason = ?, completed_at = ?, updated_at = ? "
                    + "WHERE id = ? AND status IN (?, ?, ?, ?)", RequestStore.REFUSED, ground.wire(), why, now, now, requestId,
                    RequestStore.AWAITING_CONFIRMATION, RequestStore.AWAITING_DECISION, RequestStore.RECEIVED,
                    RequestStore.PLANNED) != 1) {
                throw new Settlement.Refused("request " + requestId + " changed meanwhile: look again and retry");
            }
            List<Unsettled> unsettled = unsettled(tx, requestId);
            List<String> running = unsettled.stream().filter(u -> u.status() == TaskStatus.RUNNING).map(Unsettled::connector).toList();
            if (!running.isEmpty()) {
                // rolled back: the running task records its outcome first, and the refusal says what it did
                throw new Settlement.Refused("a processor is being asked right now (" + String.join(", ", running)
                        + "): refuse again in a moment, when it has answered");
            }
            for (Unsettled u : unsettled) {
                tx.update("UPDATE dsr_task SET status = ?, outcome = ?, detail = ?, finished_at = ?, next_attempt_at = NULL, "
                                + "updated_at = ? WHERE id = ?", TaskStatus.DONE, Outcome.REFUSED, STOPPED + " (" + ground.wire()
                                + ") on " + now.toLocalDate() + (u.byLetter() ? "; " + TOLD : ""),
                        now, now, u.taskId());
                events.record(tx, requestId, u.connector(), "stopped", "not asked further: the request was refused");
            }
            tx.update("DELETE FROM dsr_confirmation_code WHERE request_id = ?", requestId);
            // the register keeps the ground (its first word), never the officer's reasons
            events.record(tx, requestId, null, "refused", ground.wire() + " (" + ground.articles() + "); the letter to the"
                    + " subject states the reasons and the remedies");
            return unsettled;
        });
        // a confirmation so far (awaiting a reply) is no answer to a refused request: the letter is
        removeProvisionalConfirmation(requestId);
        Path letter = writeLetter(requestId);
        LOG.info("request {}: refused ({}), {} task(s) stopped", requestId, ground.wire(), stopped.size());
        return new Done(requestId, ground, letter, r.dueDate(), late(r), names(stopped, false), names(stopped, true));
    }

    private void removeProvisionalConfirmation(String requestId) {
        try {
            Files.deleteIfExists(outbox.resolve(requestId).resolve(ConfirmationWriter.JSON_FILE));
            Files.deleteIfExists(outbox.resolve(requestId).resolve(ConfirmationWriter.HTML_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the confirmation so far of " + requestId, e);
        }
    }

    /** The ground by its name; refused naming the choices. */
    public static RefusalGround ground(String name) {
        return RefusalGround.of(name).orElseThrow(() -> new Settlement.Refused(
                "the ground must be " + RefusalGround.choices() + " (GDPR art. 11(2), 12(2), 12(5), 21(1))"));
    }

    /** The officer's reasons on one line; refused when missing or longer than a letter takes. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Settlement.Refused("a reason is required to refuse a request: the letter tells the subject why (art. 12(4))");
        }
        String why = SingleLine.of(reason).strip();
        if (why.length() > MAX_REASON) {
            throw new Settlement.Refused("the reason is " + why.length() + " characters; a letter's reasons are at most " + MAX_REASON);
        }
        return why;
    }

    /** (Re)writes a refused request's letter from the database; empty once the request is purged. */
    public Optional<Path> letterOf(String requestId) {
        return Optional.ofNullable(writeLetter(requestId));
    }

    /** Refused requests not purged yet whose letter is missing (a stop right after the refusal): written now. */
    public int writeMissingLetters() {
        int written = 0;
        for (String id : jdbc.query("SELECT id FROM dsr_request WHERE status = ? AND purged_at IS NULL ORDER BY id",
                rs -> rs.getString(1), RequestStore.REFUSED)) {
            if (!Files.isRegularFile(outbox.resolve(id).resolve(LETTER)) && writeLetter(id) != null) {
                written++;
            }
        }
        return written;
    }

    private Path writeLetter(String requestId) {
        Optional<String[]> refusal = jdbc.queryOne("SELECT refusal_ground, refusal_reason, completed_at FROM dsr_request "
                + "WHERE id = ? AND status = ? AND purged_at IS NULL", rs -> new String[] {rs.getString(1), rs.getString(2),
                String.valueOf(Jdbc.timestamp(rs, "completed_at"))}, requestId, RequestStore.REFUSED);
        if (refusal.isEmpty()) {
            return null;
        }
        RefusalGround ground = RefusalGround.of(refusal.get()[0]).orElseThrow();
        OffsetDateTime refusedAt = OffsetDateTime.parse(refusal.get()[2]);
        try {
            Path dir = outbox.resolve(requestId);
            nl.dsrhub.files.PrivateFiles.folder(dir);
            Path letter = letters.write(requests.get(requestId), ground, refusal.get()[1], refusedAt, dir.resolve(LETTER));
            if (jdbc.queryOne("SELECT 1 FROM dsr_request WHERE id = ? AND purged_at IS NOT NULL", rs -> 1, requestId).isPresent()) {
                // purged while the letter was being written: the purge's folders are gone, so is this letter
                nl.dsrhub.files.PrivateFiles.deleteTree(dir);
                return null;
            }
            return letter;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the refusal letter of " + requestId, e);
        }
    }

    private RequestStore.RequestRow refusable(String requestId) {
        RequestStore.RequestRow r = requests.row(requestId).orElseThrow(() -> new Settlement.Refused("no request " + requestId));
        if (RequestStore.COMPLETING.equals(r.status())) {
            throw new Settlement.Refused("request " + requestId + " is complete and its result is being written: it can no"
                    + " longer be refused");
        }
        if (!RequestStore.isOpen(r.status())) {
            throw new Settlement.Refused("request " + requestId + " is already " + r.status().toLowerCase(java.util.Locale.ROOT));
        }
        return r;
    }

    /** After the end of the due date (Dutch time): the letter is late, and must go at once. */
    private boolean late(RequestStore.RequestRow r) {
        return OffsetDateTime.now(clock).isAfter(Deadlines.endOf(r.dueDate()));
    }

    /** A task without a final outcome; {@code byLetter} when its processor was written to (and must be told). */
    private record Unsettled(long taskId, String connector, TaskStatus status, boolean byLetter) {
    }

    private static List<Unsettled> unsettled(Jdbc db, String requestId) {
        // a letter row is written before the mail goes out: one that may have left counts as asked
        return db.query("SELECT t.id, t.connector, t.status, (SELECT COUNT(*) FROM dsr_mail_letter l WHERE l.task_id = t.id) "
                        + "AS letters FROM dsr_task t WHERE t.request_id = ? AND (t.status <> ? "
                        + "OR t.outcome IS NULL OR t.outcome IN (?, ?)) ORDER BY t.connector",
                rs -> new Unsettled(rs.getLong(1), rs.getString(2), TaskStatus.valueOf(rs.getString(3)), rs.getLong(4) > 0),
                requestId, TaskStatus.DONE, Outcome.AWAITING_REPLY, Outcome.NEEDS_ATTENTION);
    }

    private static List<String> names(List<Unsettled> tasks, boolean byLetter) {
        List<String> out = new ArrayList<>();
        tasks.stream().filter(u -> !byLetter || u.byLetter()).forEach(u -> out.add(u.connector()));
        return out;
    }
}
