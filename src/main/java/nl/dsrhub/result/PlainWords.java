package nl.dsrhub.result;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;

/**
 * What happened at one recipient, in words the data subject understands, Dutch and English: what each change did for
 * them (the connector's own sentence for each data-changing step that took effect, never its step id), who said so
 * (the recipient by e-mail, our privacy contact), and what could not be checked. The technical detail (step ids, HTTP
 * statuses, counts) stays in the task's {@code detail}, for {@code status} and the dashboard. Never more than happened:
 * a task without a change that took effect claims none.
 */
final class PlainWords {

    /** How a task ended, as far as its plain summary goes. */
    enum Path {
        /** the hub itself asked the processor's API */
        API,
        /** a letter to the processor's privacy contact, answered by e-mail */
        LETTER,
        /** settled by the officer by hand */
        BY_HAND,
        /** not asked: nothing the processor could find the person by */
        NOT_ASKED
    }

    private static final Words NONE = new Words("", "");

    private PlainWords() {
    }

    /**
     * @param done       the sentences of the data-changing steps that took effect, in the connector's order
     * @param type       what was asked (its words say what a recipient asked by mail was asked), null when not known
     * @param incomplete an auxiliary step could not check or remove everything
     * @param asked      when the recipient was first asked (for a letter still unanswered)
     */
    static Words summary(Outcome outcome, Path path, List<Words> done, RequestType type, boolean incomplete,
                         OffsetDateTime asked) {
        Words said = outcome == null ? NONE : switch (outcome) {
            case EXPORTED -> path == Path.LETTER
                    ? new Words("Deze ontvanger heeft ons uw gegevens per e-mail gestuurd.", "This recipient sent us your data by e-mail.")
                    : new Words("Wij hebben uw gegevens van deze ontvanger ontvangen.", "We received your data from this recipient.");
            case ERASED -> done.isEmpty() ? erasedWithoutSteps(path, false) : joined(done);
            // part of what was asked, no step of ours: erased in part, or (another type) its own words for part of it
            case PARTIAL -> !done.isEmpty() ? joined(done) : type == null || type.done() == Outcome.ERASED
                    ? erasedWithoutSteps(path, true) : doneWithoutSteps(OutcomeText.of(type, outcome), path);
            case RECTIFIED, RESTRICTED, LIFTED, OPTED_OUT -> done.isEmpty() ? doneWithoutSteps(outcome, path) : joined(done);
            case RETAINED -> done.isEmpty() ? NONE : joined(done);
            case NOT_FOUND -> notFound(path);
            case AWAITING_REPLY -> awaiting(type, asked);
            case NEEDS_ATTENTION -> done.isEmpty() ? NONE : new Words("Wat al wel is gebeurd: " + joined(done).nl(),
                    "What was done already: " + joined(done).en());
            case REFUSED -> new Words("Niet uitgevoerd: wij hebben uw verzoek geweigerd. De redenen staan in onze brief.",
                    "Not carried out: we refused your request. The reasons are in our letter.");
        };
        if (incomplete && outcome != null && outcome != Outcome.REFUSED) {
            said = append(said, new Words("Niet alles bij deze ontvanger kon worden nagekeken of verwijderd, dus daar kunnen nog"
                    + " gegevens van u staan.", "Not everything at this recipient could be checked or removed, so data about you"
                    + " may remain there."));
        }
        return said;
    }

    /** An erasure (in part) that no step of ours carried out: the recipient's or our privacy contact's word for it. */
    private static Words erasedWithoutSteps(Path path, boolean inPart) {
        String nlWhat = inPart ? "een deel van uw gegevens" : "uw gegevens";
        String enWhat = inPart ? "part of your data" : "your data";
        return switch (path) {
            case LETTER -> new Words("Deze ontvanger heeft ons per e-mail laten weten dat " + nlWhat + (inPart ? " is" : " zijn")
                    + " gewist.", "This recipient told us by e-mail that " + enWhat + (inPart ? " was" : " were") + " erased.");
            case BY_HAND -> new Words("Volgens onze contactpersoon voor privacyzaken " + (inPart ? "is " : "zijn ") + nlWhat
                    + " bij deze ontvanger gewist.", "According to our privacy contact, " + enWhat + " at this recipient "
                    + (inPart ? "was" : "were") + " erased.");
            default -> new Words(capitalised(nlWhat) + " bij deze ontvanger " + (inPart ? "is" : "zijn") + " gewist.",
                    capitalised(enWhat) + " at this recipient " + (inPart ? "was" : "were") + " erased.");
        };
    }

    /**
     * A change other than erasure that no step of ours carried out: the recipient's or our privacy contact's word for it.
     * ("... was done: ..." would read as the officer's detail, {@code done: step 1x}: the outcome is said as it is.)
     */
    private static Words doneWithoutSteps(Outcome outcome, Path path) {
        return doneWithoutSteps(OutcomeText.of(outcome), path);
    }

    private static Words doneWithoutSteps(OutcomeText what, Path path) {
        return switch (path) {
            case LETTER -> new Words("Deze ontvanger heeft ons per e-mail geantwoord: " + what.nl() + ".",
                    "This recipient replied to us by e-mail: " + what.en() + ".");
            case BY_HAND -> new Words("Volgens onze contactpersoon voor privacyzaken, bij deze ontvanger: " + what.nl() + ".",
                    "According to our privacy contact, at this recipient: " + what.en() + ".");
            default -> new Words("Bij deze ontvanger: " + what.nl() + ".", "At this recipient: " + what.en() + ".");
        };
    }

    private static Words notFound(Path path) {
        return switch (path) {
            case NOT_ASKED -> new Words("Deze ontvanger is niet gevraagd: wij hebben geen gegevens waarmee hij u kan vinden"
                    + " (zoals het nummer van een zending).", "This recipient was not asked: we hold nothing it could find you by"
                    + " (such as a parcel's number).");
            case LETTER -> new Words("Deze ontvanger heeft ons per e-mail laten weten dat hij geen gegevens van u heeft.",
                    "This recipient told us by e-mail that it holds no data about you.");
            case BY_HAND -> new Words("Volgens onze contactpersoon voor privacyzaken heeft deze ontvanger geen gegevens van u.",
                    "According to our privacy contact, this recipient holds no data about you.");
            case API -> new Words("Bij deze ontvanger zijn geen gegevens van u gevonden.", "No data about you were found at this recipient.");
        };
    }

    private static Words awaiting(RequestType type, OffsetDateTime asked) {
        String nlOn = asked == null ? "" : " op " + Display.nlDate(asked);
        String enOn = asked == null ? "" : " on " + Display.enDate(asked);
        String nlAsk = type == null ? "om uw gegevens gevraagd" : type.words().askedOfRecipient().nl();
        String enAsk = type == null ? "about your data" : type.words().askedOfRecipient().en();
        return new Words("Wij hebben deze ontvanger" + nlOn + " per e-mail " + nlAsk + "; zijn antwoord hebben wij nog niet.",
                "We asked this recipient by e-mail" + enOn + " " + enAsk + "; we have not had its answer yet.");
    }

    private static Words joined(List<Words> sentences) {
        return new Words(sentences.stream().map(Words::nl).collect(Collectors.joining(" ")),
                sentences.stream().map(Words::en).collect(Collectors.joining(" ")));
    }

    private static Words append(Words a, Words b) {
        return a.nl().isEmpty() ? b : new Words(a.nl() + " " + b.nl(), a.en() + " " + b.en());
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
