package nl.dsrhub.ops;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;

/**
 * Deadlines are never missed silently: every open request due within {@code warnDays}, or overdue,
 * is raised to the officer once per level, naming the tasks still failing or awaiting a reply.
 */
public final class DeadlineWatch {

    public static final String DUE_SOON = "due-soon";
    public static final String OVERDUE = "overdue";

    private final RequestStore requests;
    private final TaskStore tasks;
    private final OfficerNotices notices;
    private final Clock clock;
    private final int warnDays;

    public DeadlineWatch(RequestStore requests, TaskStore tasks, OfficerNotices notices, Clock clock, int warnDays) {
        this.requests = requests;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
        this.warnDays = warnDays;
    }

    /** The notices not raised yet; {@code direct:notify-officer} records and sends each once. */
    public List<OfficerNotice> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OfficerNotice> out = new ArrayList<>();
        for (RequestStore.RequestRow r : requests.open()) {
            String level = level(r.dueDate(), now);
            if (level == null || notices.raised(r.id(), level)) {
                continue;
            }
            out.add(new OfficerNotice(r.id(), level, now, message(r, level, now)));
        }
        return out;
    }

    /**
     * due-soon (within {@code warnDays} days of the due date, counted in Dutch dates), overdue (the due date has
     * ended in Dutch time), or null when there is time.
     */
    public String level(LocalDate due, OffsetDateTime now) {
        DueDates dates = dueDates(now);
        if (due.isBefore(dates.firstInTime())) {
            return OVERDUE;
        }
        return due.isAfter(dates.lastDueSoon()) ? null : DUE_SOON;
    }

    /**
     * The levels now as due dates, for the database to count and list (the overview's tiles): a due date before
     * {@code firstInTime} (today, in Dutch dates) is overdue; from it through {@code lastDueSoon} due soon.
     */
    public record DueDates(LocalDate firstInTime, LocalDate lastDueSoon) {
    }

    /** The one rule of {@link #level}: overdue once the due date has ended, due soon within {@code warnDays} of it. */
    public DueDates dueDates(OffsetDateTime now) {
        LocalDate today = Deadlines.dateOf(now);
        return new DueDates(today, today.plusDays(warnDays));
    }

    /** How many days before its due date a request counts as due soon. */
    public int warnDays() {
        return warnDays;
    }

    private String message(RequestStore.RequestRow r, String level, OffsetDateTime now) {
        long days = Math.abs(Deadlines.daysLeft(r.dueDate(), now));
        String when = OVERDUE.equals(level)
                ? "is OVERDUE since the end of " + r.dueDate() + " (" + days + " day(s))"
                : "is due on " + r.dueDate() + " (" + days + " day(s) left)";
        String open = tasks.forRequest(r.id()).stream()
                .filter(t -> t.status() != TaskStatus.DONE || (t.outcome() != null && !t.outcome().isFinal()))
                .map(t -> t.connector() + " " + (t.status() == TaskStatus.DONE ? t.outcome() : t.status()))
                .collect(Collectors.joining(", "));
        if (RequestStore.AWAITING_CONFIRMATION.equals(r.status())) {
            // a mailed request nobody authenticated: nothing runs until the officer confirms or discards it
            return "Request " + r.id() + " (" + r.type() + ") " + when + "; it awaits your confirmation: nothing was sent to any"
                    + " processor. Confirm it, or discard it if you did not send it";
        }
        if (RequestStore.AWAITING_DECISION.equals(r.status())) {
            // an objection on grounds of a particular situation (art. 21(1)): nothing runs until the officer weighs it
            return "Request " + r.id() + " (" + r.type() + ") " + when + "; it awaits your decision on the objection: uphold"
                    + " it (carried out as an erasure) or refuse it with your reasons";
        }
        return "Request " + r.id() + " (" + r.type() + ") " + when
                + (open.isEmpty() ? "; all tasks are final, the result is being written" : "; still open: " + open);
    }
}
