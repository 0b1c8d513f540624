package nl.dsrhub.result;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.files.AtomicFiles;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;

/**
 * Writes the erasure confirmation (GDPR art. 17 and 19): {@code confirmation.json} and a bilingual
 * {@code confirmation.html}, listing every recipient with the date it was notified, its outcome and the date
 * of that outcome, and for anything not erased what it is, its date, why it is kept (a duty of ours, the
 * recipient's own duty, or no duty at all: see {@link Retention}), until when and when its erasure is
 * scheduled. Recipients that have not answered yet or need attention are listed as such, never as done. No personal data of the subject is
 * written: the request id and reference identify the request. Each file is written atomically.
 */
public class ConfirmationWriter implements ResultWriter {

    public static final String JSON_FILE = "confirmation.json";
    public static final String HTML_FILE = "confirmation.html";
    static final String TEMPLATE = "confirmation.html.mustache";

    private final RequestType type;

    /** The erasure confirmation. */
    public ConfirmationWriter() {
        this(RequestType.ERASURE);
    }

    /** The confirmation of a request of {@code type} that changes data (art. 19: every recipient, what it did). */
    protected ConfirmationWriter(RequestType type) {
        this.type = type;
    }

    @Override
    public RequestType type() {
        return type;
    }

    @Override
    public List<Path> writeInto(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path dir) throws IOException {
        return write(r, results, completedAt, dir);
    }

    @Override
    public Path main(Path dir) {
        return dir.resolve(JSON_FILE);
    }

    @Override
    public String title() {
        return type.wire() + " confirmation";
    }

    /** Names no one: mailed as it is. */
    @Override
    public boolean holdsPersonalData() {
        return false;
    }

    @Override
    public List<Path> attachments(Path dir) {
        return List.of(dir.resolve(HTML_FILE), dir.resolve(JSON_FILE));
    }

    @Override
    public SubjectMails.Mail mail(boolean notAllDone) {
        return SubjectMails.confirmation(notAllDone);
    }

    /** An erasure's confirmation lists the processors asked by letter as awaiting their reply until it is in. */
    @Override
    public boolean writtenWhileAwaitingLetters() {
        return true;
    }

    /**
     * Writes both files into {@code outboxDir} (created if needed) and returns their paths, JSON first.
     *
     * @throws IllegalArgumentException for a request that is not an erasure or has no id
     */
    public List<Path> write(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path outboxDir)
            throws IOException {
        Objects.requireNonNull(r, "request");
        Objects.requireNonNull(completedAt, "completedAt");
        if (r.id() == null) {
            throw new IllegalArgumentException("request id missing: the request must be stored first");
        }
        if (r.type() != type()) {
            throw new IllegalArgumentException("a confirmation is made for an " + type().wire() + " request, not " + r.type().wire());
        }
        Path json = AtomicFiles.write(outboxDir.resolve(JSON_FILE), out -> Json.write(json(r, results, completedAt), out));
        Map<String, Object> model = htmlModel(r, results, completedAt);
        Path html = AtomicFiles.write(outboxDir.resolve(HTML_FILE), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Templates.render(TEMPLATE, model, w);
        });
        return List.of(json, html);
    }

    private static Map<String, Object> json(DsrRequest r, List<ProcessorResult> results, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.id());
        m.put("type", r.type().wire());
        m.put("receivedAt", Display.iso(r.receivedAt()));
        m.put("deadline", Display.iso(Display.deadline(r)));
        m.put("completedAt", Display.iso(completedAt));
        m.put("reference", r.reference());
        m.put("complete", results.stream().allMatch(ProcessorResult::isFinal));
        List<Object> recipients = new ArrayList<>();
        for (ProcessorResult p : results) {
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
            recipients.add(pm);
        }
        m.put("recipients", recipients);
        // a request refused in part (something not erased): what the subject can do about it (art. 12(4))
        m.put("remedies", refusedInPart(results) ? Remedies.json() : null);
        return m;
    }

    /** Some recipient did not erase everything: the subject is told the remedies, as for any refusal. */
    static boolean refusedInPart(List<ProcessorResult> results) {
        return results.stream().anyMatch(p -> p.outcome() == Outcome.RETAINED || p.outcome() == Outcome.PARTIAL);
    }

    private static Map<String, Object> htmlModel(DsrRequest r, List<ProcessorResult> results, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(Display.requestHeader(r, completedAt));
        long open = results.stream().filter(p -> !p.isFinal()).count();
        m.put("allFinal", open == 0);
        m.put("openCount", open);
        m.put("openNames", Display.openNames(results));
        m.put("anyRetained", results.stream().anyMatch(p -> !p.retained().isEmpty()));
        m.put("anyScheduled", results.stream().flatMap(p -> p.retained().stream()).anyMatch(k -> k.erasure() != null));
        m.put("refusedInPart", refusedInPart(results));
        m.put("remedies", Remedies.html());
        List<Object> recipients = new ArrayList<>();
        for (ProcessorResult p : results) {
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
            pm.put("outcome", OutcomeText.of(p.outcome()));
            pm.put("summary", p.summary().nl().isEmpty() ? null : p.summary());
            pm.put("showRetained", p.outcome() == Outcome.RETAINED || p.outcome() == Outcome.PARTIAL
                    || !p.retained().isEmpty());
            pm.putAll(RetentionView.html(p.retained()));
            pm.put("hasRetained", !p.retained().isEmpty());
            recipients.add(pm);
        }
        m.put("recipients", recipients);
        return m;
    }
}
