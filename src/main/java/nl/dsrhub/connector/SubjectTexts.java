package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * What a connector file tells the data subject beyond its basic facts, checked at start-up: whether automated
 * decisions or profiling take place (art. 15(1)(h)), the safeguard of a transfer outside the EEA (art. 15(2)), the
 * explanation of its fields, and for every step that changes data a plain sentence of what it did for the person. Each
 * in Dutch and English: the subject reads both, never the step's id.
 */
final class SubjectTexts {

    private SubjectTexts() {
    }

    static List<String> validate(ConnectorDefinition def) {
        List<String> p = new ArrayList<>();
        ProcessorFacts f = def.facts();
        if (f != null) {
            bilingual(f.automatedDecisions(), "/facts/automatedDecisions", "whether automated decisions or profiling take"
                    + " place there is owed to the subject (GDPR art. 15(1)(h)); say so, also when none do", p);
            if (f.outsideEea()) {
                bilingual(f.transferSafeguard(), "/facts/transferSafeguard", "country " + f.country() + " is outside the EEA:"
                        + " the safeguard the transfer relies on is owed to the subject (GDPR art. 15(2)), e.g. the EU-US"
                        + " Data Privacy Framework or standard contractual clauses", p);
            } else if (f.transferSafeguard() != null) {
                p.add("/facts/transferSafeguard: country " + f.country() + " is in the EEA: there is no transfer to safeguard");
            }
            for (int i = 0; i < f.fields().size(); i++) {
                ProcessorFacts.Field field = f.fields().get(i);
                if (blank(field.name()) || blank(field.nl()) || blank(field.en())) {
                    p.add("/facts/fields/" + i + ": a field needs its name (as in the data, dotted when nested) and its"
                            + " explanation in nl and en");
                }
            }
        }
        for (String section : nl.dsrhub.model.RequestType.allSections()) {
            if (section.equals(nl.dsrhub.model.RequestType.FIND)) {
                continue;   // lookups: below
            }
            for (int i = 0; i < def.section(section).size(); i++) {
                bilingual(def.section(section).get(i).says(), "/" + section + "/" + i + "/says", "a step that changes data"
                        + " says what it did for the person in plain words, nl and en (e.g. 'Uw klantaccount is"
                        + " verwijderd.'): the confirmation says it once the call took effect", p);
            }
        }
        for (int i = 0; i < def.find().size(); i++) {
            Step step = def.find().get(i);
            if (step.says() != null) {
                p.add("/find/" + i + "/says: only a step that changes data says what it did (a lookup changes nothing)");
            }
        }
        return p;
    }

    private static void bilingual(ProcessorFacts.Text text, String at, String why, List<String> p) {
        if (text == null || blank(text.nl()) || blank(text.en())) {
            p.add(at + ": is required in nl and en: " + why);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
