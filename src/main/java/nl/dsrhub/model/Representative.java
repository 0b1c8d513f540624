package nl.dsrhub.model;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Who made the request on the subject's behalf (art. 8 AVG / art. 5 UAVG: a parent or guardian for a child under 16;
 * or a person authorised in writing) and how the officer checked their authority. Only who checked it, when, and a
 * description of the evidence are kept: a birth certificate or written authorisation is seen and never stored.
 * Personal data: never logged, purged with the request's document.
 *
 * @param capacity {@link #PARENT}, {@link #GUARDIAN} or {@link #AUTHORISED}
 */
public record Representative(String name, String email, String capacity, String authorityCheckedBy,
                             OffsetDateTime authorityCheckedAt, String authorityEvidence) {
    public static final String PARENT = "parent";
    public static final String GUARDIAN = "guardian";
    public static final String AUTHORISED = "authorised";

    /** The capacity in words, Dutch and English: what a letter or the subject's texts say the representative is. */
    public Retention.Words capacityWords() {
        return switch (capacity == null ? "" : capacity.toLowerCase(Locale.ROOT)) {
            case PARENT -> new Retention.Words("ouder (wettelijk vertegenwoordiger)", "parent (legal representative)");
            case GUARDIAN -> new Retention.Words("voogd (wettelijk vertegenwoordiger)", "guardian (legal representative)");
            default -> new Retention.Words("schriftelijk gemachtigde", "person authorised in writing");
        };
    }

    /**
     * In what capacity the representative receives what the subject would have (a mail, a notice), without naming the
     * subject: "als ouder (wettelijk vertegenwoordiger) van de betrokkene, namens wie het verzoek is gedaan".
     */
    public Retention.Words addressedAs() {
        Retention.Words c = capacityWords();
        return new Retention.Words("als " + c.nl() + " van de betrokkene, namens wie het verzoek is gedaan",
                (AUTHORISED.equals(capacity) ? "as the person the data subject authorised in writing"
                        : "as the data subject's " + c.en()) + ", on whose behalf the request was made");
    }

    /**
     * For the officer's tools ({@code status}, the dashboard): who made the request and how their authority was checked,
     * without the representative's name or address: "parent (legal representative); authority checked by X on
     * 2026-02-20 against: birth certificate seen".
     */
    public String authorityLine() {
        return capacityWords().en() + "; authority checked by " + authorityCheckedBy + " on "
                + (authorityCheckedAt == null ? "?" : authorityCheckedAt.toLocalDate()) + " against: " + authorityEvidence;
    }
}
