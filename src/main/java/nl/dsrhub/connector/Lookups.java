package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * A run's {@code find} steps: each looks the person up (page by page, once per value of its {@code forEach}),
 * picks identifiers and dated records for later steps, and for an export keeps the answers for the bundle. An
 * erasure keeps no copy of what it found: the identifiers it picks stay in memory and in the request's rows.
 */
final class Lookups {

    private final Connector connector;
    private final RunValues values;
    private final ProcessorCalls calls;
    private final Retained stillHeld;
    private final AnswerFiles kept;
    private final boolean export;

    Lookups(Connector connector, RunValues values, ProcessorCalls calls, Retained stillHeld, AnswerFiles kept,
            boolean export) {
        this.connector = connector;
        this.values = values;
        this.calls = calls;
        this.stillHeld = stillHeld;
        this.kept = kept;
        this.export = export;
    }

    void run(Step step) {
        for (String each : values.eachOf(step)) {
            lookup(step, each);
        }
    }

    private void lookup(Step step, String each) {
        String what = connector.name() + " step " + step.id();
        Paging paging = new Paging(step.paginate(), connector.baseUrl(), what,
                extra -> values.url(step.request(), each, extra), AnswerJson::read);
        String url = paging.first();
        int pages = 0;
        while (url != null && pages++ < paging.maxPages()) {
            try (Answer answer = calls.send(step, step.request(), url, each, null)) {
                if (AnswerJson.absent(step, answer)) {
                    return;
                }
                calls.failUnlessOk(step, answer);
                JsonNode body = AnswerJson.parse(answer, what);
                take(step, each, answer, body, step.paginate() == null ? 0 : pages);
                url = paging.next(url, answer, body);
            }
        }
    }

    /** What the step takes from one page: identifiers, dated records and, for an export, the answer itself. */
    private void take(Step step, String each, Answer answer, JsonNode body, int page) {
        JsonNode selected = step.select() == null ? body
                : AnswerJson.select(step.select(), body, values.expand(step.select().equals(), each));
        if (step.pickEach() != null && (step.select() == null || !AnswerJson.isEmpty(selected))) {
            // found where the hub asked: the asked-for id, whatever id the answer names
            values.add(step.pickEach(), each);
        }
        if (AnswerJson.isEmpty(selected)) {
            return;
        }
        step.pick().forEach((name, path) -> pick(name, values.expand(path, each), selected, null));
        step.pickPairs().forEach((name, path) -> pick(name, values.expand(path, each), selected, each));
        step.records().forEach((name, spec) -> stillHeld.pick(name, spec,
                        AnswerJson.read(selected, values.expand(spec.items(), each)), step.forEach() == null ? null : each)
                .forEach(id -> values.add(name, id)));
        // an export hands the answers to the subject; an erasure keeps no copy of the data it removes
        if (step.keep() != null && export) {
            kept.keep(step.id(), values.expand(step.keep(), each), page, answer, selected, body);
        }
    }

    /** @param pairedWith null, or the step's {@code each} that the picked values only make sense with */
    private void pick(String name, String path, JsonNode body, String pairedWith) {
        for (JsonNode v : AnswerJson.read(body, path)) {
            AnswerJson.flatten(v).forEach(s -> values.add(name, pairedWith == null ? s : Tuple.of(pairedWith, s)));
        }
    }
}
