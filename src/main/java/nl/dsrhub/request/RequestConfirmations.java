package nl.dsrhub.request;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.result.ReceiptWriter;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officer's answer to a held request: a mailed request that was not authenticated, stored
 * {@code AWAITING_CONFIRMATION} with nothing planned. Confirmed (by replying with the mailed code, on the
 * dashboard, by the API or the CLI), it becomes {@code RECEIVED} and is planned like any other: by the sweep
 * within {@code dsr.sweep.interval-seconds}, or at once when the caller sends its id to {@code seda:plan}.
 * Discarded (the officer did not send it), it is closed {@code DISCARDED} without a task, and its personal
 * data are deleted at once, as the purge does after completion. Its deadline runs meanwhile, from
 * {@code receivedAt}: the deadline watch raises a held request like any open one. No Camel types here, so the
 * dashboard, the REST API and the CLI call it as they are.
 */
public final class RequestConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(RequestConfirmations.class);

    /** What became of a confirmation or discard; {@code message} says it to the officer (no personal data). */
    public record Result(Kind kind, String requestId, String message) {
        public boolean done() {
            return kind == Kind.CONFIRMED || kind == Kind.DISCARDED;
        }
    }

    public enum Kind { CONFIRMED, DISCARDED, NO_REQUEST, NOT_HELD, UNKNOWN_CODE, USED_CODE, EXPIRED_CODE }

    private final Jdbc jdbc;
    private final RequestStore requests;
    private final EventLog events;
    private final ConfirmationCodes codes;
    private final ReceiptWriter receipts;
    private final Path outbox;
    private final Path workDir;
    private final Clock clock;

    public RequestConfirmations(Jdbc jdbc, RequestStore requests, EventLog events, ConfirmationCodes codes,
                                ReceiptWriter receipts, Path outbox, Path workDir, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.codes = codes;
        this.receipts = receipts;
        this.outbox = outbox;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** The held requests, deadline first: for the dashboard's and the CLI's lists. */
    public List<RequestStore.RequestRow> held() {
        return requests.open().stream().filter(r -> RequestStore.AWAITING_CONFIRMATION.equals(r.status())).toList();
    }

    /**
     * Confirms a held request.
     *
     * @param how the path, for the timeline after "confirmed ", without addresses: {@code "on the dashboard"},
     *            {@code "with the CLI"}, {@code "by the API"}
     */
    public Result confirm(String requestId, String how) {
        Optional<Result> refused = notHeld(requestId);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean done = jdbc.inTransaction(tx -> confirmIn(tx, requestId, how));
        // not done: confirmed or discarded by someone else between the look and the change
        return done ? confirmed(requestId) : notHeld(requestId).orElseThrow();
    }

    /** Confirms the held request a mailed code belongs to; a wrong, used or expired code confirms nothing. */
    public Result confirmByCode(String code, String how) {
        Result result = jdbc.inTransaction(tx -> {
            ConfirmationCodes.Check check = codes.check(tx, code);
            switch (check.state()) {
                case UNKNOWN:
                    return new Result(Kind.UNKNOWN_CODE, null, "this code is not valid (a request mailed again gets a new code)");
                case USED:
                    return new Result(Kind.USED_CODE, null, "this code was used already");
                case EXPIRED:
                    return new Result(Kind.EXPIRED_CODE, null, "this code expired on " + check.expiresAt().toLocalDate());
                default:
                    break;
            }
            if (!codes.use(tx, check)) {
                return new Result(Kind.USED_CODE, null, "this code was used already");
            }
            if (!confirmIn(tx, check.requestId(), how)) {
                return new Result(Kind.NOT_HELD, check.requestId(), "request " + check.requestId()
                        + " is no longer awaiting confirmation (confirmed or discarded meanwhile)");
            }
            return new Result(Kind.CONFIRMED, check.requestId(), null);
        });
        return result.kind() == Kind.CONFIRMED ? confirmed(result.requestId()) : result;
    }

    /** A new one-time code for a held request, to mail to the officer; an earlier code of it stops working. */
    public ConfirmationCodes.Issued issueCode(String requestId) {
        return jdbc.inTransaction(tx -> codes.issue(tx, requestId));
    }

    public java.time.Duration codeValidity() {
        return codes.validity();
    }

    /**
     * Closes a held request the officer did not send: {@code DISCARDED}, nothing planned, its personal fields and
     * files deleted at once. The reason stays in the timeline: say why, not who ("not sent by the officer").
     */
    public Result discard(String requestId, String reason) {
        Optional<Result> refused = notHeld(requestId);
        if (refused.isPresent()) {
            return refused.get();
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean done = jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE dsr_request SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                    RequestStore.DISCARDED, now, requestId, RequestStore.AWAITING_CONFIRMATION) != 1) {
                return false;
            }
            tx.update("DELETE FROM dsr_confirmation_code WHERE request_id = ?", requestId);
            RequestStore.erasePersonalData(tx, requestId, now);
            // recorded after the erasure, which clears the details recorded before it
            events.record(tx, requestId, null, "discarded", "discarded by the officer: " + (why.length() > 200 ? why.substring(0, 200) : why));
            events.record(tx, requestId, null, "purged", "personal data deleted when the request was discarded");
            return true;
        });
        if (!done) {
            return notHeld(requestId).orElseThrow();
        }
        // the receipt, the only file of a request that never ran
        nl.dsrhub.files.PrivateFiles.deleteTree(outbox.resolve(requestId));
        nl.dsrhub.files.PrivateFiles.deleteTree(workDir.resolve(requestId));
        LOG.info("request {}: discarded by the officer, personal data deleted", requestId);
        return new Result(Kind.DISCARDED, requestId, "request " + requestId + " discarded: nothing was sent to any processor,"
                + " its personal data are deleted");
    }

    /** In the caller's transaction: AWAITING_CONFIRMATION to RECEIVED, with the event; false when it was not held. */
    private boolean confirmIn(Jdbc tx, String requestId, String how) {
        if (tx.update("UPDATE dsr_request SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                RequestStore.RECEIVED, OffsetDateTime.now(clock), requestId, RequestStore.AWAITING_CONFIRMATION) != 1) {
            return false;
        }
        events.record(tx, requestId, null, "confirmed", "confirmed " + how);
        return true;
    }

    private Result confirmed(String requestId) {
        LOG.info("request {}: confirmed by the officer", requestId);
        try {
            // the receipt no longer says it waits
            receipts.write(requests.get(requestId), outbox.resolve(requestId));
        } catch (IOException e) {
            LOG.warn("request {}: the receipt could not be written again ({})", requestId, e.getClass().getSimpleName());
        }
        return new Result(Kind.CONFIRMED, requestId, "request " + requestId + " confirmed: the running hub plans it now"
                + " (a stopped hub at its next start)");
    }

    private Optional<Result> notHeld(String requestId) {
        Optional<RequestStore.RequestRow> row = requests.row(requestId);
        if (row.isEmpty()) {
            return Optional.of(new Result(Kind.NO_REQUEST, requestId, "no request " + requestId));
        }
        String status = row.get().status();
        return RequestStore.AWAITING_CONFIRMATION.equals(status) ? Optional.empty()
                : Optional.of(new Result(Kind.NOT_HELD, requestId, "request " + requestId + " is not awaiting confirmation (it is "
                        + status + ")"));
    }
}
