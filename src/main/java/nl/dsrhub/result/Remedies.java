package nl.dsrhub.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.Retention.Words;

/**
 * What a subject can do against a refusal, in whole or in part (GDPR art. 12(4)): complain to the Autoriteit
 * Persoonsgegevens (art. 77), or go to court (art. 79), in the Netherlands by a petition to the district court within
 * six weeks of receiving the answer (art. 35 UAVG). Said in every refusal letter and in every confirmation with a
 * {@code RETAINED} or {@code PARTIAL} recipient, the same words in the HTML (the {@code _remedies} partial) and the JSON.
 */
final class Remedies {

    /** One remedy: which right, under which articles, in words. */
    record Remedy(String right, String articles, Words text) {
    }

    static final Words INTRO = new Words(
            "Bent u het niet eens met ons besluit? Neem dan gerust eerst contact op met onze contactpersoon voor privacyzaken."
                    + " Daarnaast kunt u:",
            "Do you disagree with our decision? You are welcome to contact our privacy contact first. You may also:");

    static final List<Remedy> ALL = List.of(
            new Remedy("complaint", "AVG/GDPR art. 77", new Words(
                    "een klacht indienen bij de Autoriteit Persoonsgegevens, de toezichthouder (artikel 77 AVG):"
                            + " autoriteitpersoonsgegevens.nl;",
                    "lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens (article 77"
                            + " GDPR): autoriteitpersoonsgegevens.nl;")),
            new Remedy("court", "AVG/GDPR art. 79; UAVG art. 35", new Words(
                    "naar de rechter gaan (artikel 79 AVG): met een verzoekschrift aan de rechtbank kunt u vragen ons op te"
                            + " dragen uw verzoek alsnog in te willigen. Dien het verzoekschrift in binnen zes weken nadat u dit"
                            + " antwoord heeft ontvangen (artikel 35 van de Uitvoeringswet AVG).",
                    "go to court (article 79 GDPR): by a petition to the district court (rechtbank) you can ask that we be"
                            + " ordered to grant your request after all. File the petition within six weeks after you received"
                            + " this answer (article 35 of the Dutch GDPR Implementation Act, UAVG).")));

    private Remedies() {
    }

    /** For the templates' {@code _remedies} partial: {@code intro} and {@code items}, each with {@code nl} and {@code en}. */
    static Map<String, Object> html() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intro", INTRO);
        m.put("items", ALL.stream().map(Remedy::text).toList());
        return m;
    }

    /** For a JSON answer: each remedy with its right, articles and words. */
    static List<Map<String, Object>> json() {
        return ALL.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("right", r.right());
            m.put("articles", r.articles());
            m.put("nl", r.text().nl());
            m.put("en", r.text().en());
            return m;
        }).toList();
    }
}
