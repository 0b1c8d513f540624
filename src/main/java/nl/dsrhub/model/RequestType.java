package nl.dsrhub.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.dsrhub.model.Retention.Words;

/**
 * What the data subject asked for, and everything that follows from it, in one place: the connector-file sections
 * its tasks run, whether those tasks keep what the processors answer (for the subject) or change data, and the words
 * that name the request to the subject and to a processor asked by letter (NL/EN, in the AVG's own terms). Its result
 * is written by the one {@code nl.dsrhub.result.ResultWriter} that declares this type. The rest of the hub asks the
 * type instead of comparing it to a constant; a test keeps it so (RequestTypeIsOneThingTest).
 *
 * <p>Adding a type: a constant here (its wire name, the section of data-changing steps, its words), the request schema's
 * {@code type} enum, the section in the connector schema and in the connector files, and its writer (README, "Adding a
 * request type").
 */
public enum RequestType {

    /** Access and portability (GDPR art. 15 and 20): the processors' answers are kept and handed to the subject. */
    EXPORT("export", null, Outcome.EXPORTED, false),

    /** Erasure (GDPR art. 17, and art. 19 for the recipients): the {@code erase} section's steps remove the data. */
    ERASURE("erasure", "erase", Outcome.ERASED, true),

    /** Rectification (art. 16, and art. 19): the {@code rectify} section's steps correct the data the request's changes name. */
    RECTIFICATION("rectification", "rectify", Outcome.RECTIFIED, true),

    /** Restriction of processing (art. 18, and art. 19): the {@code restrict} section's steps stop the processing. */
    RESTRICTION("restriction", "restrict", Outcome.RESTRICTED, true),

    /**
     * The lifting of a restriction (art. 18(3), and art. 19): the {@code lift} section's steps undo the restriction's;
     * the subject is told before it is lifted.
     */
    LIFT_RESTRICTION("lift-restriction", "lift", Outcome.LIFTED, true),

    /**
     * Objection (art. 21): to direct marketing (21(2)-(3)), absolute: the {@code object} section's steps unsubscribe the
     * person wherever marketing is sent from. Art. 19 does not name it: processors without such a step are not asked.
     */
    OBJECTION("objection", "object", Outcome.OPTED_OUT, false);

    /** The connector-file section every type runs first: the lookups that find the person at the processor. */
    public static final String FIND = "find";

    private final String wire;
    private final String changes;
    private final Outcome done;
    private final boolean notifiesRecipients;

    RequestType(String wire, String changes, Outcome done, boolean notifiesRecipients) {
        this.wire = wire;
        this.changes = changes;
        this.done = done;
        this.notifiesRecipients = notifiesRecipients;
    }

    /** The spelling used in request files, connector files ({@code only:}) and outputs: {@code export}, {@code erasure}, ... */
    public String wire() {
        return wire;
    }

    /**
     * The connector-file section whose steps change data for this type, run after {@link #FIND} and journaled (each
     * call made once); empty for a type that only reads (an export).
     */
    public Optional<String> changes() {
        return Optional.ofNullable(changes);
    }

    /** The connector-file sections a task of this type runs, in order: {@code find}, then its data-changing section. */
    public List<String> sections() {
        List<String> out = new ArrayList<>(List.of(FIND));
        changes().ifPresent(out::add);
        return List.copyOf(out);
    }

    /**
     * Whether the processors' answers are the subject's result (kept under the task's data folder for it): true for
     * a type that changes nothing. A type that changes data keeps no copy of what it found.
     */
    public boolean keepsAnswers() {
        return changes == null;
    }

    /** The outcome of a processor's task that did what was asked: {@code EXPORTED}, {@code ERASED}, ... */
    public Outcome done() {
        return done;
    }

    /** The words that name this request to the subject and to a processor asked by letter ({@code text/request-types.yaml}). */
    public RequestWords words() {
        return RequestTypeWords.of(wire);
    }

    /**
     * Whether every recipient of the data is told (art. 19 GDPR: erasure, rectification, restriction and its lifting),
     * so a processor asked by letter is asked even when it has no step for the type. For an export or an objection to
     * direct marketing only the processors with something to do for it are asked.
     */
    public boolean notifiesRecipients() {
        return notifiesRecipients;
    }

    /**
     * The type whose requests undo what this type's steps change: a restriction's lifting (art. 18(3)). What a processor
     * cannot point out again at the lifting (Laposta's lists) is kept when a restriction completes, for its lifting.
     */
    public Optional<RequestType> undoneBy() {
        return this == RESTRICTION ? Optional.of(LIFT_RESTRICTION) : Optional.empty();
    }

    /** Every section a request type runs, for checking connector files: {@code find}, {@code erase}, ... */
    public static List<String> allSections() {
        return Arrays.stream(values()).flatMap(t -> t.sections().stream()).distinct().toList();
    }

    /** The wire names of all types, for messages and metrics. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RequestType::wire).toList();
    }

    /** @throws IllegalArgumentException naming the types there are, for a name that is none of them */
    public static RequestType fromWire(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wire.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no request type '" + value + "'; known: " + wireNames()));
    }

    /**
     * The request in the AVG's own terms, for the subject: {@code request} as the receipt names it ("uw verzoek om
     * gegevenswissing (...)"), {@code askedFor} as a refusal or an extension letter names it ("om uw persoonsgegevens te
     * wissen (...)"), {@code askedOfRecipient} what a recipient asked by mail was asked ("gevraagd uw gegevens te
     * wissen"), {@code letterSubject} the subject line of the letter to a processor; {@code toProcessor} and
     * {@code toController} what that letter asks of a processor (art. 28(3)(e)) or of a controller that received the
     * data (art. 19 / forwarded); {@code notDone} and {@code partlyDone} the outcome of a recipient that did none or part
     * of it (RETAINED, PARTIAL), what stays being listed below it.
     */
    public record RequestWords(Words request, Words askedFor, Words askedOfRecipient, Words letterSubject,
                               Words notDone, Words partlyDone, LetterWords toProcessor, LetterWords toController) {
    }

    /**
     * What a letter asks: {@code intro} the request in the letter's opening (for a processor the words after "has asked
     * us", for a controller the sentences after the opening), {@code ask}, {@code basis} (the legal basis) and
     * {@code how} to answer.
     */
    public record LetterWords(Words intro, Words ask, Words basis, Words how) {
    }
}
