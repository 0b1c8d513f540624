package nl.dsrhub.connector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.store.CallJournal;

/**
 * What a run comes to: for an export the files kept; for an erasure the data-changing calls that took effect
 * (counted from the {@link CallJournal}, so calls of an earlier, interrupted run count too), what they could not
 * remove, and whatever the processor still holds ({@link Retained}), so an erasure is never called done while
 * something of the person stays.
 */
final class RunOutcome {

    private RunOutcome() {
    }

    /** @param done what the request type calls done ({@code EXPORTED}): the answers kept for the subject */
    static TaskResult export(Outcome done, int filesKept, Map<String, List<String>> provided) {
        return filesKept == 0
                ? new TaskResult(Outcome.NOT_FOUND, "no data found", List.of(), provided)
                : new TaskResult(done, filesKept + " file(s) received", List.of(), provided);
    }

    /** @param doneOutcome what the request type calls done ({@code ERASED}): every data-changing call took effect, nothing kept */
    /**
     * @param untouched the steps not sent because the request changes nothing they carry: with nothing else done or
     *                  kept, the processor holds none of what the request changes (not "no data found")
     */
    static TaskResult erasure(Outcome doneOutcome, List<Step> eraseSteps, Map<String, Long> done, List<Retention> retained,
                              java.util.Set<String> untouched, Map<String, List<String>> provided) {
        int erased = done.values().stream().mapToInt(Long::intValue).sum();
        String doneText = done.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "x")
                .collect(Collectors.joining(", "));
        // what the calls that ran could not remove: said in the detail, never hidden behind "done"
        doneText += eraseSteps.stream().filter(s -> s.leaves() != null && done.containsKey(s.id()))
                .map(s -> "; left: " + s.leaves()).distinct().collect(Collectors.joining());
        String retainedText = Retained.summary(retained);
        if (erased > 0 && !retained.isEmpty()) {
            return new TaskResult(Outcome.PARTIAL, "done: " + doneText + "; retained: " + retainedText,
                    retained, provided);
        }
        if (erased > 0) {
            return new TaskResult(doneOutcome, "done: " + doneText, List.of(), provided);
        }
        if (!retained.isEmpty()) {
            return new TaskResult(Outcome.RETAINED, "retained: " + retainedText, retained, provided);
        }
        return new TaskResult(Outcome.NOT_FOUND, untouched.isEmpty() ? "no data found"
                : "holds none of what the request changes (not sent: " + String.join(", ", untouched) + ")", List.of(), provided);
    }

    /** The data-changing calls that took effect for the task, by step id: how many times each. */
    static Map<String, Long> effective(CallJournal journal, long taskId) {
        return journal.effective(taskId).stream().collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf(' ')),
                TreeMap::new, Collectors.counting()));
    }

    /**
     * For a failure's message: the data-changing calls that took effect before it (in this run or an earlier
     * one), so a task that needs attention never hides what was erased. Empty when none did.
     */
    static String doneBefore(CallJournal journal, long taskId) {
        StringBuilder said = new StringBuilder();
        effective(journal, taskId).forEach((step, times) -> said.append(said.length() == 0 ? " (done before: " : ", ")
                .append(step).append(' ').append(times).append('x'));
        return said.length() == 0 ? "" : said.append(')').toString();
    }
}
