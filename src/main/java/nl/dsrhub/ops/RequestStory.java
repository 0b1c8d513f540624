package nl.dsrhub.ops;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.ops.DashboardPages.Due;
import nl.dsrhub.ops.DashboardPages.Progress;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * The top of a request's page, what the officer reads first: how many processors answered, and the deadline with the
 * days left in words. Plain text; the template escapes it.
 */
final class RequestStory {

    private RequestStory() {
    }

    /**
     * Processors answered: the tasks with a final outcome (a reply, a settlement, a refusal) out of all; a task
     * awaiting a reply or needing the officer has not answered yet.
     */
    static Progress progress(List<TaskRow> tasks) {
        int answered = (int) tasks.stream().filter(t -> t.outcome() != null && t.outcome().isFinal()).count();
        int total = tasks.size();
        String label = total == 0 ? "no processor asked yet"
                : answered + " of " + total + (total == 1 ? " processor" : " processors") + " answered";
        return new Progress(answered, total, label);
    }

    /**
     * @param open     a closed request says only its deadline
     * @param dueSoon  the deadline watch's level is due-soon now (its warning days, not a number of our own)
     */
    static Due due(LocalDate due, boolean open, boolean dueSoon, OffsetDateTime now) {
        String date = "due " + OfficerTime.date(due);
        if (!open) {
            return new Due(date, "ok");
        }
        long days = Deadlines.daysLeft(due, now);
        if (days < 0) {
            return new Due(date + ", overdue by " + days(-days), "overdue");
        }
        String left = days == 0 ? "the last day (today)" : days(days) + " left";
        return new Due(date + ", " + left, dueSoon ? "due-soon" : "ok");
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
