package nl.dsrhub.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.DsrRequest;

/**
 * {@code confirmation.json}: the request (id, type, the articles it rests on, its dates and reference, what it asked in
 * particular), every recipient with its outcome, dates, plain summary and what it did not do (RETAINED and PARTIAL
 * items), and the remedies when something was not done. Names no one.
 */
final class ConfirmationJson {

    private ConfirmationJson() {
    }

    static Map<String, Object> of(DsrRequest r, List<ProcessorResult> results, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.id());
        m.put("type", r.type().wire());
        m.put("legalBasis", ConfirmationWords.of(r.type()).articles());
        m.put("receivedAt", Display.iso(r.receivedAt()));
        m.put("deadline", Display.iso(Display.deadline(r)));
        m.put("completedAt", Display.iso(completedAt));
        m.put("reference", r.reference());
        m.put("complete", results.stream().allMatch(ProcessorResult::isFinal));
        // what the request asked in particular: the corrected fields by name, a restriction's reason, ...
        m.put("particulars", ConfirmationParticulars.json(r));
        m.put("recipients", results.stream().map(ConfirmationJson::recipient).toList());
        // a request refused in part (something not done): what the subject can do about it (art. 12(4))
        m.put("remedies", ConfirmationWriter.refusedInPart(results) ? Remedies.json() : null);
        return m;
    }

    private static Map<String, Object> recipient(ProcessorResult p) {
        ProcessorFacts f = Display.facts(p);
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("connector", p.connector());
        pm.put("title", p.title());
        pm.put("legalName", f.legalName());
        pm.put("country", f.country());
        // never asked (nothing it could find the person by): no date it was notified
        pm.put("notifiedAt", p.asked() ? Display.iso(p.notifiedAt()) : null);
        pm.put("finishedAt", Display.iso(p.finishedAt()));
        pm.put("outcome", p.outcomeName());
        pm.put("final", p.isFinal());
        // for the subject: what happened there in plain words; detail: the same for the officer, technical
        pm.put("summary", Display.words(p.summary()));
        pm.put("detail", p.detail());
        pm.put("retained", RetentionView.json(p.retained()));
        return pm;
    }
}
