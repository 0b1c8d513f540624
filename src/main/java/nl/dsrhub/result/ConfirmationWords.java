package nl.dsrhub.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;

/**
 * The words of the confirmation of each request type that changes data, read once from {@code text/confirmations.yaml}:
 * one template says them all, and a translator or a lawyer reads them in one file, top to bottom. The file's comment
 * says what each part is for.
 */
final class ConfirmationWords {

    static final String RESOURCE = "/text/confirmations.yaml";

    /** A confirmation's own words: what it is, in the AVG's terms, its tables' headings and the mail that carries it. */
    record TypeWords(Words title, Words heading, Words intro, String articles, Words notAll, Kept kept, MailWords mail) {
    }

    /** The headings of the tables of what a recipient did not do, one per kind of basis, and the notes around them. */
    record Kept(Words shopDuty, Words processorDuty, Words processorDutyNote, Words remains, Words asStated, Words until,
                Words notStated) {
    }

    /** The mail with the confirmation: when every recipient did what was asked (or held nothing), and when not. */
    record MailWords(Mail done, Mail notAllDone) {
    }

    record Mail(Words subject, Words text) {
    }

    /** What a request says in particular, placeholders in braces: {@code {fields}}, {@code {reason}}, {@code {restriction}}. */
    record ParticularsWords(RectificationWords rectification, RestrictionWords restriction, LiftWords lift,
                            DirectMarketingWords directMarketing, ParticularSituationWords particularSituation) {
    }

    record RectificationWords(Words asked) {
    }

    record RestrictionWords(Words reason, Words stored, Words toldFirst) {
    }

    record LiftWords(Words ends) {
    }

    record DirectMarketingWords(Words stopped, Words suppressed) {
    }

    record ParticularSituationWords(Words weighed, Words upheld) {
    }

    /** The file: the words per type (by wire name), the particulars, the names of the fields and of the reasons. */
    record File(Map<String, TypeWords> types, ParticularsWords particulars, Map<String, Words> fields,
                Map<String, Words> restrictionReasons) {
    }

    static final File FILE = load();

    private ConfirmationWords() {
    }

    /** @throws IllegalStateException for a type the file has no confirmation for (ConfirmationWordsTest keeps them all) */
    static TypeWords of(RequestType type) {
        TypeWords words = FILE.types().get(type.wire());
        if (words == null) {
            throw new IllegalStateException(RESOURCE + " has no confirmation words for request type '" + type.wire() + "'");
        }
        return words;
    }

    static ParticularsWords particulars() {
        return FILE.particulars();
    }

    /** The name of a corrected field ({@code email}, {@code address}, ...), never its value. */
    static Words field(String name) {
        return required(FILE.fields(), name, "fields");
    }

    /** A reason of art. 18(1) by its wire name ({@code accuracy-contested}, ...), with the point of the article. */
    static Words restrictionReason(String wire) {
        return required(FILE.restrictionReasons(), wire, "restrictionReasons");
    }

    private static Words required(Map<String, Words> words, String key, String part) {
        Words w = words.get(key);
        if (w == null) {
            throw new IllegalStateException(RESOURCE + " has no " + part + "." + key);
        }
        return w;
    }

    private static File load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = ConfirmationWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
