package nl.dsrhub.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;

/** Letters to mail-only processors, mails read from the mailbox, and settling a task by a reply. */
public final class MailStore {

    public enum State { SENDING, SENT, REPLIED }

    public record Letter(long taskId, String requestId, String connector, String token, State state,
                         OffsetDateTime sentAt, OffsetDateTime remindedAt) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final EventLog events;

    public MailStore(Jdbc jdbc, Clock clock, EventLog events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public Optional<Letter> letterOfTask(long taskId) {
        return jdbc.queryOne("SELECT * FROM dsr_mail_letter WHERE task_id = ?", MailStore::map, taskId);
    }

    public Optional<Letter> letterWithToken(String token) {
        return jdbc.queryOne("SELECT * FROM dsr_mail_letter WHERE token = ?", MailStore::map, token);
    }

    /** Written and committed before the letter goes out: a crash after this never sends a second one. */
    public Letter sending(long taskId, String requestId, String connector) {
        Optional<Letter> existing = letterOfTask(taskId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.update("INSERT INTO dsr_mail_letter (task_id, request_id, connector, token, state, updated_at) VALUES (?,?,?,?,?,?)",
                taskId, requestId, connector, Tokens.next(), State.SENDING, now());
        return letterOfTask(taskId).orElseThrow();
    }

    public void sent(long taskId) {
        jdbc.update("UPDATE dsr_mail_letter SET state = ?, sent_at = COALESCE(sent_at, ?), updated_at = ? WHERE task_id = ? AND state = ?",
                State.SENT, now(), now(), taskId, State.SENDING);
    }

    /** The SMTP server refused the letter, so it did not leave: the next attempt may send it. */
    public void notSent(long taskId) {
        jdbc.update("DELETE FROM dsr_mail_letter WHERE task_id = ? AND state = ?", taskId, State.SENDING);
    }

    /**
     * Letters sent before {@code before}, with no reply and no reminder yet, whose task still awaits the
     * reply (a task the officer settled by hand is not chased).
     */
    public List<Letter> dueForReminder(OffsetDateTime before) {
        return jdbc.query("SELECT l.* FROM dsr_mail_letter l JOIN dsr_task t ON t.id = l.task_id WHERE l.state = ? "
                + "AND l.reminded_at IS NULL AND l.sent_at <= ? AND t.outcome = ? ORDER BY l.sent_at",
                MailStore::map, State.SENT, before, Outcome.AWAITING_REPLY);
    }

    /** Claims the one reminder of a letter (true for the caller that may send it). */
    public boolean claimReminder(long taskId) {
        return jdbc.update("UPDATE dsr_mail_letter SET reminded_at = ?, updated_at = ? WHERE task_id = ? AND reminded_at IS NULL AND state = ?",
                now(), now(), taskId, State.SENT) == 1;
    }

    /**
     * Settles the task by the processor's reply, in one transaction: the letter is REPLIED, the task's
     * outcome replaced (only while it still waits for the reply: AWAITING_REPLY, or NEEDS_ATTENTION after a
     * reply from an unexpected sender, which left the letter unanswered), and the event recorded.
     *
     * @return false when the task was already settled (a second reply, or the officer settled it)
     */
    public boolean settle(Letter letter, Outcome outcome, String detail) {
        return jdbc.inTransaction(tx -> {
            int changed = tx.update("UPDATE dsr_task SET outcome = ?, detail = ?, finished_at = ?, updated_at = ? WHERE id = ? "
                            + "AND (outcome = ? OR (outcome = ? AND EXISTS (SELECT 1 FROM dsr_mail_letter l WHERE l.task_id = dsr_task.id "
                            + "AND l.state = ?)))", outcome, detail, now(), now(), letter.taskId(), Outcome.AWAITING_REPLY,
                    Outcome.NEEDS_ATTENTION, State.SENT);
            tx.update("UPDATE dsr_mail_letter SET state = ?, replied_at = ?, updated_at = ? WHERE task_id = ?",
                    State.REPLIED, now(), now(), letter.taskId());
            if (changed == 1) {
                events.record(tx, letter.requestId(), letter.connector(), "outcome", outcome + ": " + detail);
            }
            return changed == 1;
        });
    }

    /**
     * A reply with the letter's token from someone other than the processor: the task, while it awaits the reply,
     * goes to NEEDS_ATTENTION with the detail; the letter stays unanswered, so the processor's own reply still
     * settles it. The event is recorded for every such reply. Returns true when the task changed.
     */
    public boolean unexpectedReply(Letter letter, String detail) {
        return jdbc.inTransaction(tx -> {
            int changed = tx.update("UPDATE dsr_task SET outcome = ?, detail = ?, updated_at = ? WHERE id = ? AND outcome = ?",
                    Outcome.NEEDS_ATTENTION, detail, now(), letter.taskId(), Outcome.AWAITING_REPLY);
            events.record(tx, letter.requestId(), letter.connector(), "unexpected-reply", detail);
            return changed == 1;
        });
    }

    public boolean seen(String messageKey) {
        return jdbc.queryOne("SELECT 1 FROM dsr_mail_seen WHERE message_key = ?", rs -> 1, messageKey).isPresent();
    }

    /** Records a mail as handled, after its handling was stored (a crash before this reads it again, harmlessly). */
    public void markSeen(String messageKey, String kind, String outcome, String requestId) {
        markSeen(messageKey, kind, outcome, requestId, false);
    }

    /**
     * As {@link #markSeen(String, String, String, String)}; {@code kept}: its content is kept where it belongs, so the
     * mail is deleted from the mailbox, also when it is read again because the hub stopped before deleting it.
     */
    public void markSeen(String messageKey, String kind, String outcome, String requestId, boolean kept) {
        jdbc.update("INSERT INTO dsr_mail_seen (message_key, kind, outcome, request_id, seen_at, kept) SELECT ?,?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM dsr_mail_seen WHERE message_key = ?)",
                messageKey, kind, outcome, requestId, now(), kept, messageKey);
    }

    /** Whether a mail read before was kept where it belongs (and may go from the mailbox). */
    public boolean kept(String messageKey) {
        return jdbc.queryOne("SELECT kept FROM dsr_mail_seen WHERE message_key = ?", rs -> rs.getBoolean(1), messageKey)
                .orElse(false);
    }

    public record Seen(String kind, String outcome, String requestId) {
    }

    public List<Seen> seenMails() {
        return jdbc.query("SELECT kind, outcome, request_id FROM dsr_mail_seen ORDER BY seen_at",
                rs -> new Seen(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Letter map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Letter(rs.getLong("task_id"), rs.getString("request_id"), rs.getString("connector"), rs.getString("token"),
                State.valueOf(rs.getString("state")), Jdbc.timestamp(rs, "sent_at"), Jdbc.timestamp(rs, "reminded_at"));
    }
}
