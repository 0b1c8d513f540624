package nl.dsrhub.result;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.plan.Outcome;

/**
 * One processor's part of a finished request, as the bundle and the confirmation show it.
 *
 * @param connector  connector name, also the processor's folder name in the bundle
 * @param title      display name (e.g. "Mailchimp")
 * @param notifiedAt when the hub first contacted the processor (art. 19: date notified)
 * @param finishedAt when the outcome was recorded
 * @param detail     a short, personal-data-free explanation (e.g. "not found in any audience")
 * @param retained   for RETAINED / PARTIAL: what is kept, why, until when
 * @param dataDir    for exports: the folder with the files as received from the processor, else {@code null}
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
        Path dataDir) {

    public ProcessorResult {
        retained = retained == null ? List.of() : List.copyOf(retained);
    }
}
