package nl.dsrhub.ops;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.mail.MailSender;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.mail.MailDelivery;
import nl.dsrhub.result.ResultService;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Art. 12(3): a request that cannot be complete by its deadline is answered so far before it. That is known
 * {@code daysBefore} days before the due date ({@code dsr.interim.days-before-deadline}): a planned request with tasks
 * still without a final outcome then (awaiting a mailed reply, needing attention, retrying, waiting for an identifier)
 * gets its answer so far ({@link ResultService#interim}), mailed to the subject when delivery is on, else left in the
 * outbox for the officer to pass on. The timeline and the ledger record what was sent, with its SHA-256 (the ledger's
 * row outlives the purge); the officer is told. Once per due date: a request extended later gets another before its
 * new date. Run by the Quartz route {@code interim-answers}, like the deadline watch.
 */
public final class InterimAnswers {

    /** The timeline's and the ledger's kind for an answer so far. */
    public static final String EVENT = "interim";

    private static final Logger LOG = LoggerFactory.getLogger(InterimAnswers.class);

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final ResultService results;
    private final MailDelivery delivery;
    private final OfficerNotices notices;
    private final Clock clock;
    private final int daysBefore;

    public InterimAnswers(RequestStore requests, TaskStore tasks, EventLog events, ResultService results, MailDelivery delivery,
                          OfficerNotices notices, Clock clock, int daysBefore) {
        if (daysBefore < 1) {
            throw new IllegalArgumentException("dsr.interim.days-before-deadline: '" + daysBefore + "' must be at least 1 (days"
                    + " before the deadline, so the answer so far reaches the subject in time)");
        }
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.results = results;
        this.delivery = delivery;
        this.notices = notices;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    /** The planned requests due within {@code daysBefore} days with tasks still open, not answered so far for that date. */
    public List<String> due() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> out = new ArrayList<>();
        for (RequestStore.RequestRow r : requests.open()) {
            if (RequestStore.PLANNED.equals(r.status()) && Deadlines.daysLeft(r.dueDate(), now) <= daysBefore
                    && hasOpenTasks(r.id()) && !answeredFor(r.id(), r.dueDate())) {
                out.add(r.id());
            }
        }
        return out;
    }

    /**
     * Writes the answer so far, mails it to the subject when delivery is on, records it, and returns the officer's
     * notice (raised once per request and due date). Null when nothing went out now: the request is no longer open, or
     * the mail server did not take the mail (the next check tries again).
     */
    public OfficerNotice answer(String requestId) throws IOException {
        ResultService.Interim interim = results.interim(requestId);
        if (interim == null) {
            return null;
        }
        boolean mailed;
        try {
            mailed = delivery.deliverInterim(interim);
        } catch (MailSender.MailFailure e) {
            LOG.warn("request {}: the interim answer could not be mailed; the next check tries again: {}", requestId, e.getMessage());
            return null;
        }
        LocalDate due = interim.request().dueDate();
        String awaiting = String.join(", ", interim.awaiting());
        // what was sent, and its hash first: the ledger keeps 200 characters of it after the purge
        events.record(requestId, null, EVENT, (mailed ? "mailed to the subject" : "written for the officer to pass on") + "; "
                + interim.files().get(0).getFileName() + " sha256 " + interim.sha256() + "; due " + due + "; awaiting " + awaiting);
        LOG.info("request {}: interim answer {} (awaiting {})", requestId, mailed ? "mailed to the subject" : "in the outbox",
                interim.awaiting());
        return notices.notice(requestId, EVENT + " " + due, "Request " + requestId + " cannot be complete by its deadline, " + due
                + " (still open: " + awaiting + "): its answer so far " + (mailed ? "was mailed to the subject"
                : "is in outbox/" + requestId + "/interim/: pass it on to the subject before the deadline")
                + ". The complete answer follows once every processor is settled.");
    }

    private boolean hasOpenTasks(String requestId) {
        return tasks.forRequest(requestId).stream().anyMatch(t -> t.status() != TaskStatus.DONE || t.outcome() == null
                || !t.outcome().isFinal());
    }

    private boolean answeredFor(String requestId, LocalDate due) {
        return events.timeline(requestId).stream().anyMatch(e -> EVENT.equals(e.kind()) && e.detail() != null
                && e.detail().contains("; due " + due + ";"));
    }
}
