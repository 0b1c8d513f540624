package nl.dsrhub.result;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import nl.dsrhub.model.Retention.Words;

/**
 * Why the officer refuses a request (GDPR art. 12(4)), with the articles and the words the letter to the subject
 * uses. The wire name is what {@code refuse --ground}, the API and the dashboard take, and what the register keeps.
 */
public enum RefusalGround {

    /** The requester could not be identified as the person the data are about (art. 11(2), 12(2), 12(6)). */
    UNVERIFIABLE("art. 11(2), 12(2) and 12(6) GDPR", new Words(
            "Wij kunnen niet vaststellen dat u de persoon bent op wie de gegevens betrekking hebben (artikel 11, lid 2, en"
                    + " artikel 12, lid 2 en lid 6 AVG). Wij laten persoonsgegevens alleen inzien of wissen op verzoek van de"
                    + " persoon zelf, zodat niemand anders dat voor u kan doen.",
            "We cannot establish that you are the person the data are about (article 11(2) and article 12(2) and (6)"
                    + " GDPR). We only give access to personal data, or have them erased, at the request of the person"
                    + " themselves, so that nobody else can do so in your name.")),
    /** Manifestly unfounded (art. 12(5)(b)). */
    UNFOUNDED("art. 12(5)(b) GDPR", new Words(
            "Uw verzoek is kennelijk ongegrond (artikel 12, lid 5, onder b AVG).",
            "Your request is manifestly unfounded (article 12(5)(b) GDPR).")),
    /** Excessive, in particular because repetitive (art. 12(5)(b)). */
    EXCESSIVE("art. 12(5)(b) GDPR", new Words(
            "Uw verzoek is buitensporig, in het bijzonder omdat het herhaaldelijk is gedaan (artikel 12, lid 5, onder b AVG).",
            "Your request is excessive, in particular because of its repetitive character (article 12(5)(b) GDPR).")),
    /**
     * An objection on grounds of a particular situation weighed and not upheld: the shop's compelling legitimate grounds
     * override the subject's interests, or the data are needed for legal claims (art. 21(1)). Only for such an objection.
     */
    COMPELLING("art. 21(1) GDPR", new Words(
            "Wij hebben uw bezwaar zorgvuldig gewogen tegen onze redenen om uw gegevens te verwerken. Wij hebben dwingende"
                    + " gerechtvaardigde gronden voor de verwerking die zwaarder wegen dan uw belangen, rechten en vrijheden,"
                    + " of wij hebben de gegevens nodig voor de instelling, uitoefening of onderbouwing van een"
                    + " rechtsvordering (artikel 21, lid 1, AVG). Daarom zetten wij de verwerking voort.",
            "We have carefully weighed your objection against our reasons for processing your data. We have compelling"
                    + " legitimate grounds for the processing which override your interests, rights and freedoms, or we need"
                    + " the data for the establishment, exercise or defence of legal claims (article 21(1) GDPR). We"
                    + " therefore continue the processing."));

    private final String articles;
    private final Words meaning;

    RefusalGround(String articles, Words meaning) {
        this.articles = articles;
        this.meaning = meaning;
    }

    /** {@code unverifiable}, {@code unfounded}, {@code excessive}, {@code compelling}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String articles() {
        return articles;
    }

    /** The ground as the letter says it. */
    public Words meaning() {
        return meaning;
    }

    /**
     * Art. 12(5): the controller bears the burden of showing a request manifestly unfounded or excessive (the letter
     * cites it; a compelling ground's own words say what art. 21(1) asks the controller to demonstrate).
     */
    public boolean burdenOnUs() {
        return this == UNFOUNDED || this == EXCESSIVE;
    }

    public static Optional<RefusalGround> of(String wire) {
        String w = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.wire().equals(w)).findFirst();
    }

    /** For messages: the grounds the officer can give. */
    public static String choices() {
        return "unverifiable, unfounded, excessive or (an objection on grounds of a particular situation) compelling";
    }
}
