package nl.dsrhub.result;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;

/**
 * One processor's part of a request, as the bundle and the confirmation show it (finished, or so far).
 *
 * @param connector  connector name, also the processor's folder name in the bundle
 * @param title      display name (e.g. "Mailchimp")
 * @param notifiedAt when the hub first contacted the processor (art. 19: date notified)
 * @param outcome    null while the hub is still working on the task (only in an interim answer)
 * @param finishedAt when the outcome was recorded
 * @param detail     a short, personal-data-free explanation for the officer, technical (e.g. "done: delete-customer 1x")
 * @param retained   for RETAINED / PARTIAL: what is kept, why, until when
 * @param dataDir    for exports: the folder with the files as received from the processor, else {@code null}
 * @param summary    what happened there in plain words for the subject, NL and EN ({@link PlainWords}); empty texts
 *                   when the outcome says it all
 * @param asked      false when the processor was never asked (nothing it could find the person by): no date notified
 */
public record ProcessorResult(
        String connector,
        String title,
        ProcessorFacts facts,
        Outcome outcome,
        OffsetDateTime notifiedAt,
        OffsetDateTime finishedAt,
        String detail,
        List<Retention> retained,
        Path dataDir,
        Retention.Words summary,
        boolean asked) {

    public ProcessorResult {
        retained = retained == null ? List.of() : List.copyOf(retained);
        summary = summary == null ? PlainWords.summary(outcome, PlainWords.Path.API, List.of(), null, false, notifiedAt) : summary;
    }

    /** A result whose summary is said from its outcome alone (no steps known): for writers' tests and earlier callers. */
    public ProcessorResult(String connector, String title, ProcessorFacts facts, Outcome outcome, OffsetDateTime notifiedAt,
                           OffsetDateTime finishedAt, String detail, List<Retention> retained, Path dataDir) {
        this(connector, title, facts, outcome, notifiedAt, finishedAt, detail, retained, dataDir, null, true);
    }

    /** Settled: a final outcome (in an interim answer a processor may still be awaited, retried, or not asked yet). */
    public boolean isFinal() {
        return outcome != null && outcome.isFinal();
    }

    /** The outcome's name, or {@code IN_PROGRESS} for a task the hub is still working on (no outcome yet). */
    public String outcomeName() {
        return outcome == null ? IN_PROGRESS : outcome.name();
    }

    /** What an interim answer says of a processor still being asked (retrying, waiting for an identifier). */
    public static final String IN_PROGRESS = "IN_PROGRESS";
}
