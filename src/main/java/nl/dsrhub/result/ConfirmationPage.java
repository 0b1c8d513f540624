package nl.dsrhub.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;

/**
 * The model of {@code confirmation.html} (the template {@code confirmation.html.mustache}): the type's own words
 * ({@link ConfirmationWords}: title, the articles it rests on, the headings of what was not done), what the request
 * asked in particular ({@link ConfirmationParticulars}), and every recipient in both languages: when it was told, what
 * it did in the type's terms ({@link OutcomeText#of(RequestType, Outcome)}), the date of that, and what it did not do
 * and why ({@link RetentionView}).
 */
final class ConfirmationPage {

    private ConfirmationPage() {
    }

    static Map<String, Object> of(DsrRequest r, List<ProcessorResult> results, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>(Display.requestHeader(r, completedAt));
        m.put("words", ConfirmationWords.of(r.type()));
        m.put("particulars", ConfirmationParticulars.said(r));
        long open = results.stream().filter(p -> !p.isFinal()).count();
        m.put("allFinal", open == 0);
        m.put("openCount", open);
        m.put("openNames", Display.openNames(results));
        m.put("anyRetained", results.stream().anyMatch(p -> !p.retained().isEmpty()));
        m.put("anyScheduled", results.stream().flatMap(p -> p.retained().stream()).anyMatch(k -> k.erasure() != null));
        m.put("refusedInPart", ConfirmationWriter.refusedInPart(results));
        m.put("remedies", Remedies.html());
        m.put("recipients", results.stream().map(p -> recipient(r.type(), p)).toList());
        return m;
    }

    private static Map<String, Object> recipient(RequestType type, ProcessorResult p) {
        ProcessorFacts f = Display.facts(p);
        boolean isFinal = p.isFinal();
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("title", Display.orDash(p.title()));
        pm.put("legalName", Display.orDash(f.legalName()));
        pm.put("countryNl", Display.country(f.country(), Display.NL));
        pm.put("countryEn", Display.country(f.country(), Display.EN));
        pm.put("notifiedNl", p.asked() ? Display.nlDate(p.notifiedAt()) : "niet gevraagd");
        pm.put("notifiedEn", p.asked() ? Display.enDate(p.notifiedAt()) : "not asked");
        // an open task has no outcome date yet: say so instead of printing when it was last touched
        pm.put("finishedNl", isFinal ? Display.nlDate(p.finishedAt()) : "nog niet");
        pm.put("finishedEn", isFinal ? Display.enDate(p.finishedAt()) : "not yet");
        pm.put("outcome", OutcomeText.of(type, p.outcome()));
        pm.put("summary", p.summary().nl().isEmpty() ? null : p.summary());
        pm.put("showRetained", p.outcome() == Outcome.RETAINED || p.outcome() == Outcome.PARTIAL || !p.retained().isEmpty());
        // an erasure says of every record kept by law when it is erased; another type only where the calendar has one
        pm.putAll(RetentionView.html(p.retained(), type.done() == Outcome.ERASED));
        pm.put("hasRetained", !p.retained().isEmpty());
        return pm;
    }
}
