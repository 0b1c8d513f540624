package nl.dsrhub.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * Something of the person's that a processor still holds after an erasure, and why. Three kinds are kept
 * apart, because only the first is a legal basis of the shop (GDPR art. 17(3)(b)):
 * <ul>
 *   <li>{@link Kind#SHOP_LEGAL_DUTY}: retained under a statutory duty of the shop (a law and article), until the
 *       end date of this record, when the retention calendar erases it;</li>
 *   <li>{@link Kind#PROCESSOR_LEGAL_DUTY}: kept by the processor under its own duty as a controller (its law,
 *       its term); not the shop's to erase, so nothing is scheduled;</li>
 *   <li>{@link Kind#NO_LEGAL_DUTY}: data that remain without a legal duty (a technical limit, the shop's choice):
 *       no legal basis is stated, only what remains and why.</li>
 * </ul>
 * {@link Kind#AS_STATED} is a basis the hub did not classify: the officer's words when settling by hand.
 *
 * @param record     the kind of record, e.g. {@code order}, {@code invoice}, {@code payment}; null when the data
 *                   are not one record
 * @param recordId   the processor's id of the record (an order number, a payment id), or null
 * @param recordDate the record's own date (its fiscal year), or null when the processor did not give one
 * @param what       which data, in Dutch and English
 * @param law        the law and article of a duty (kinds SHOP_LEGAL_DUTY and PROCESSOR_LEGAL_DUTY), else null
 * @param reason     the duty, in words (the two duty kinds); why the data remain (NO_LEGAL_DUTY); the officer's words
 *                   (AS_STATED)
 * @param keeper     for PROCESSOR_LEGAL_DUTY: who keeps the data as a controller (e.g. "Mollie B.V."), else null
 * @param term       how long, in words: the shop's term (e.g. 7 years after the fiscal year) or the keeper's
 * @param until      SHOP_LEGAL_DUTY: the last day of the retention, else null (an end the hub cannot know)
 * @param erasure    SHOP_LEGAL_DUTY: the erasure the retention calendar holds for the day after {@code until}
 */
public record Retention(Kind kind, String record, String recordId, LocalDate recordDate, Words what, String law,
                        Words reason, String keeper, Words term, LocalDate until, Erasure erasure) {

    /** Why the data are not erased; the wire names are those of {@code confirmation.json}'s {@code basisKind}. */
    public enum Kind {
        @JsonProperty("shop-legal-duty") SHOP_LEGAL_DUTY,
        @JsonProperty("processor-legal-duty") PROCESSOR_LEGAL_DUTY,
        @JsonProperty("no-legal-duty") NO_LEGAL_DUTY,
        @JsonProperty("as-stated") AS_STATED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A text in Dutch and English. */
    public record Words(String nl, String en) {
        public static Words both(String text) {
            return new Words(text, text);
        }
    }

    /**
     * The calendar's erasure of a retained record: on this day, by the processor's own call ({@code by} is
     * {@link #BY_PROCESSOR_CALL}), or by the officer, whom the hub tells then what to do ({@link #BY_OFFICER}).
     */
    public record Erasure(LocalDate on, String by) {
        public static final String BY_PROCESSOR_CALL = "processor-call";
        public static final String BY_OFFICER = "officer";
    }

    /** A basis the officer gave when settling a task by hand: said in their words, not classified by the hub. */
    public static Retention asStated(String officersWords) {
        return new Retention(Kind.AS_STATED, null, null, null,
                new Words("gegevens die deze ontvanger bewaart", "data this recipient keeps"), null,
                Words.both(officersWords), null, null, null, null);
    }

    /** A row stored by an earlier version ({@code what}, {@code legalBasis}, {@code until}): shown as it was stated. */
    public static Retention legacy(String what, String legalBasis, LocalDate until) {
        return new Retention(Kind.AS_STATED, null, null, null, Words.both(what), null, Words.both(legalBasis), null,
                null, until, null);
    }
}
