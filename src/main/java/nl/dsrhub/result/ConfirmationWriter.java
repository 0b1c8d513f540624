package nl.dsrhub.result;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.dsrhub.files.AtomicFiles;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;

/**
 * Writes the confirmation of a request that changes data: of an erasure (GDPR art. 17 and 19), and through its
 * subclasses of a rectification (art. 16), a restriction (art. 18), its lifting (art. 18(3)) and an objection (art. 21):
 * {@code confirmation.json} and a bilingual {@code confirmation.html} (Dutch, then English), one template with the
 * type's own words ({@code text/confirmations.yaml}). Every recipient is listed (art. 19: the list of recipients, given
 * to the subject) with the date it was notified, what it did in the type's terms and the date of that, and for what it
 * did not do (kept, left unchanged, still processed) what it is, its date, why (a duty of ours, the recipient's own
 * duty, or no duty at all: see {@link Retention}) and until when; the remedies where something was not done.
 * Recipients that have not answered yet or need attention are listed as such, never as done. No personal data of the
 * subject is written: the request id and reference identify the request, a rectification names the fields it corrects,
 * never their values. Each file is written atomically. The parts: {@link ConfirmationJson}, {@link ConfirmationPage},
 * {@link ConfirmationParticulars}, {@link ConfirmationWords}.
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

    /** {@code erasure confirmation}, {@code rectification confirmation}, ... */
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
        return SubjectMails.confirmation(type, notAllDone);
    }

    /** A confirmation lists the processors asked by letter as awaiting their reply until it is in. */
    @Override
    public boolean writtenWhileAwaitingLetters() {
        return true;
    }

    /**
     * Writes both files into {@code outboxDir} (created if needed) and returns their paths, JSON first.
     *
     * @throws IllegalArgumentException for a request of another type than this writer's, or without an id
     */
    public List<Path> write(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path outboxDir)
            throws IOException {
        Objects.requireNonNull(r, "request");
        Objects.requireNonNull(completedAt, "completedAt");
        if (r.id() == null) {
            throw new IllegalArgumentException("request id missing: the request must be stored first");
        }
        if (r.type() != type()) {
            throw new IllegalArgumentException("this writer confirms a request of type " + type().wire() + ", not "
                    + r.type().wire());
        }
        Path json = AtomicFiles.write(outboxDir.resolve(JSON_FILE), out -> Json.write(ConfirmationJson.of(r, results, completedAt), out));
        Map<String, Object> model = ConfirmationPage.of(r, results, completedAt);
        Path html = AtomicFiles.write(outboxDir.resolve(HTML_FILE), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Templates.render(TEMPLATE, model, w);
        });
        return List.of(json, html);
    }

    /** Some recipient did not do all that was asked: the subject is told the remedies, as for any refusal. */
    static boolean refusedInPart(List<ProcessorResult> results) {
        return results.stream().anyMatch(p -> p.outcome() == Outcome.RETAINED || p.outcome() == Outcome.PARTIAL);
    }
}
