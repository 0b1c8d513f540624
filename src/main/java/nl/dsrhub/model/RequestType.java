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
    EXPORT("export", null, Outcome.EXPORTED, new RequestWords(
            new Words("uw verzoek om inzage (recht van inzage, artikel 15 AVG, en recht op overdraagbaarheid van gegevens,"
                    + " artikel 20 AVG)", "your request for access (right of access, article 15 GDPR, and right to data"
                    + " portability, article 20 GDPR)"),
            new Words("om inzage in uw persoonsgegevens en een kopie ervan (recht van inzage, artikel 15 AVG, en recht op"
                    + " overdraagbaarheid van gegevens, artikel 20 AVG)", "for access to your personal data and a copy of it"
                    + " (right of access, article 15 GDPR, and right to data portability, article 20 GDPR)"),
            new Words("gevraagd ons uw gegevens te sturen", "to send us your data"),
            new Words("Verzoek om inzage", "Access request"),
            new LetterWords(
                    new Words("inzage en een kopie van zijn of haar gegevens te geven", "for access to and a copy of their data"),
                    new Words("inzage in en een kopie van alle persoonsgegevens van de betrokkene (art. 15 en 20 AVG)",
                            "access to and a copy of all personal data of the data subject (Art. 15 and 20 GDPR)"),
                    new Words("art. 15 en 20 AVG; art. 28 lid 3 sub e AVG (bijstand door de verwerker)",
                            "Art. 15 and 20 GDPR; Art. 28(3)(e) GDPR (assistance by the processor)"),
                    new Words("Stuur de gegevens als bijlage (bij voorkeur JSON of CSV), of laat weten dat u geen gegevens heeft.",
                            "Please send the data as attachments (JSON or CSV preferred), or tell us that you hold no data.")),
            new LetterWords(
                    new Words("De betrokkene heeft ons om inzage en een kopie van zijn of haar gegevens gevraagd (art. 15 AVG)."
                            + " Wij sturen dat verzoek aan u door: voor de gegevens die u verwerkt geldt uw eigen plicht uit"
                            + " art. 15 AVG.", "The data subject has asked us for access to and a copy of their data (Art. 15"
                            + " GDPR). We forward that request to you: for the data you process, your own duty under Art. 15"
                            + " GDPR applies."),
                    new Words("doorgestuurd verzoek om inzage (art. 15 AVG)", "forwarded request for access (Art. 15 GDPR)"),
                    new Words("art. 15 AVG: uw eigen plicht als verwerkingsverantwoordelijke",
                            "Art. 15 GDPR: your own duty as a controller"),
                    new Words("Stuur ons de gegevens die u van de betrokkene verwerkt als bijlage bij uw antwoord (bij voorkeur"
                            + " JSON of CSV), dan geven wij ze aan de betrokkene door; of laat weten dat u geen gegevens heeft.",
                            "Please send us the data you process about the data subject as attachments to your reply (JSON or"
                                    + " CSV preferred) and we pass them on to the data subject; or tell us that you hold no"
                                    + " data.")))),

    /** Erasure (GDPR art. 17, and art. 19 for the recipients): the {@code erase} section's steps remove the data. */
    ERASURE("erasure", "erase", Outcome.ERASED, new RequestWords(
            new Words("uw verzoek om gegevenswissing (recht op gegevenswissing, artikel 17 AVG)",
                    "your request for erasure (right to erasure, article 17 GDPR)"),
            new Words("om uw persoonsgegevens te wissen (recht op gegevenswissing, artikel 17 AVG)",
                    "to erase your personal data (right to erasure, article 17 GDPR)"),
            new Words("gevraagd uw gegevens te wissen", "to erase your data"),
            new Words("Verzoek tot wissen", "Erasure request"),
            new LetterWords(
                    new Words("te wissen", "to erase their data"),
                    new Words("wissen van alle persoonsgegevens van de betrokkene (art. 17 AVG)",
                            "erasure of all personal data of the data subject (Art. 17 GDPR)"),
                    new Words("art. 17 AVG; art. 28 lid 3 sub e AVG (bijstand door de verwerker)",
                            "Art. 17 GDPR; Art. 28(3)(e) GDPR (assistance by the processor)"),
                    new Words("Bevestig na het wissen per e-mail dat de gegevens zijn verwijderd, of dat u geen gegevens heeft;"
                            + " noem wat u op grond van een wettelijke plicht moet bewaren, met de rechtsgrond en tot wanneer.",
                            "After erasing, please confirm by e-mail that the data have been erased, or that you hold no data;"
                                    + " name anything you must keep by law, with its legal basis and until when.")),
            new LetterWords(
                    new Words("De betrokkene heeft ons gevraagd zijn of haar gegevens te wissen (art. 17 AVG). Als ontvanger"
                            + " van die gegevens stellen wij u daarvan in kennis (art. 19 AVG). Of u de gegevens moet wissen,"
                            + " beoordeelt u zelf: art. 17 AVG geldt ook voor u.", "The data subject has asked us to erase their"
                            + " data (Art. 17 GDPR). As a recipient of those data we notify you of this (Art. 19 GDPR). Whether"
                            + " you must erase the data is yours to assess: Art. 17 GDPR applies to you as well."),
                    new Words("kennisgeving van een verzoek tot wissen (art. 17 en 19 AVG)",
                            "notification of a request for erasure (Art. 17 and 19 GDPR)"),
                    new Words("art. 19 AVG (kennisgeving aan ontvangers); uw eigen plicht uit art. 17 AVG",
                            "Art. 19 GDPR (notification of recipients); your own duty under Art. 17 GDPR"),
                    new Words("Laat ons per e-mail weten wat u heeft gewist, of dat u geen gegevens van de betrokkene heeft;"
                            + " noem wat u bewaart, met de wettelijke grondslag en tot wanneer.", "Please tell us by e-mail"
                            + " what you have erased, or that you hold no data of the data subject; name what you keep, with"
                            + " its legal basis and until when."))));

    /** The connector-file section every type runs first: the lookups that find the person at the processor. */
    public static final String FIND = "find";

    private final String wire;
    private final String changes;
    private final Outcome done;
    private final RequestWords words;

    RequestType(String wire, String changes, Outcome done, RequestWords words) {
        this.wire = wire;
        this.changes = changes;
        this.done = done;
        this.words = words;
    }

    /** The spelling used in request files, connector files ({@code only:}) and outputs: {@code export} or {@code erasure}. */
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

    /** The outcome of a processor's task that did what was asked: {@code EXPORTED}, {@code ERASED}. */
    public Outcome done() {
        return done;
    }

    /** The words that name this request to the subject and to a processor asked by letter. */
    public RequestWords words() {
        return words;
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
     * data (art. 19 / forwarded).
     */
    public record RequestWords(Words request, Words askedFor, Words askedOfRecipient, Words letterSubject,
                               LetterWords toProcessor, LetterWords toController) {
    }

    /**
     * What a letter asks: {@code intro} the request in the letter's opening (for a processor the words after "has asked
     * us", for a controller the sentences after the opening), {@code ask}, {@code basis} (the legal basis) and
     * {@code how} to answer.
     */
    public record LetterWords(Words intro, Words ask, Words basis, Words how) {
    }
}
