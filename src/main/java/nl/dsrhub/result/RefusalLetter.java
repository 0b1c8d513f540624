package nl.dsrhub.result;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.files.AtomicFiles;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.TaskStore;

/**
 * The letter telling the subject that their request is refused (GDPR art. 12(4)), in Dutch and English: which request,
 * the ground with its articles, the officer's reasons, what processors had already done, who was told the request is
 * withdrawn, and the remedies: a complaint to the Autoriteit Persoonsgegevens and a petition to the court within six
 * weeks ({@link Remedies}). Written atomically, HTML-escaped ({@code refusal.html.mustache}).
 */
public final class RefusalLetter {

    static final String TEMPLATE = "refusal.html.mustache";

    private final ProcessorResults results;
    private final String controller;
    private final int purgeDays;

    /**
     * @param controller the shop, to sign the letter (empty: signed by its privacy contact)
     * @param purgeDays  when what processors already sent is deleted (the purge period, from the refusal)
     */
    public RefusalLetter(TaskStore tasks, ConnectorCatalog catalog, CallJournal journal,
                         BiFunction<String, String, Path> dataDirs, String controller, int purgeDays) {
        this.results = new ProcessorResults(tasks, catalog, journal, dataDirs);
        this.controller = controller == null ? "" : controller.strip();
        this.purgeDays = purgeDays;
    }

    Path write(DsrRequest r, RefusalGround ground, String reason, OffsetDateTime refusedAt, Path file) throws IOException {
        Map<String, Object> model = model(r, ground, reason, refusedAt);
        return AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Templates.render(TEMPLATE, model, w);
        });
    }

    private Map<String, Object> model(DsrRequest r, RefusalGround ground, String reason, OffsetDateTime refusedAt) {
        List<ProcessorResult> all = results.of(r);
        Map<String, Object> m = new LinkedHashMap<>(Display.requestHeader(r, refusedAt.toInstant()));
        m.put("what", r.type().words().askedFor());
        m.put("ground", ground.meaning());
        m.put("reason", reason == null ? "" : reason);
        m.put("burden", ground.burdenOnUs());
        m.put("newRequest", ground == RefusalGround.UNVERIFIABLE);
        // the letter's own line for a type whose result is the person's data (nothing was sent to them yet)
        m.put("dataCollected", r.type().keepsAnswers());
        m.put("purgeDays", purgeDays);
        // what processors did before the refusal stays done: said, never hidden (erased, corrected, restricted, ...)
        List<Map<String, String>> done = all.stream().filter(p -> didSomething(r.type(), p.outcome()))
                .map(p -> item(r.type(), p)).toList();
        m.put("done", done);
        m.put("anyDone", !done.isEmpty());
        List<String> told = all.stream().filter(p -> p.detail() != null && p.detail().contains(Refusal.TOLD))
                .map(p -> Display.orDash(Display.facts(p).legalName())).toList();
        m.put("told", told.isEmpty() ? null : String.join(", ", told));
        m.put("controller", controller.isEmpty() ? null : controller);
        m.put("remedies", Remedies.html());
        return m;
    }

    /**
     * Whether a processor had acted on the request before it was refused: did what the type asks (ERASED, RECTIFIED,
     * ...), part of it, or kept something it said (RETAINED). An export's data received are not listed: none is sent.
     */
    static boolean didSomething(RequestType type, Outcome outcome) {
        return outcome != null && (outcome == type.done() && !type.keepsAnswers() || outcome == Outcome.PARTIAL
                || outcome == Outcome.RETAINED);
    }

    private static Map<String, String> item(RequestType type, ProcessorResult p) {
        OutcomeText said = OutcomeText.of(type, p.outcome());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", Display.orDash(Display.facts(p).legalName()));
        m.put("nl", p.summary().nl().isEmpty() ? said.nl() : p.summary().nl());
        m.put("en", p.summary().en().isEmpty() ? said.en() : p.summary().en());
        return m;
    }
}
